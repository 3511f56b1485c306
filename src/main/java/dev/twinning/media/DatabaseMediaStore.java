package dev.twinning.media;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Files in the {@code media_files} table: every instance sees them, and {@code pg_dump} backs them up. */
@ApplicationScoped
public class DatabaseMediaStore implements MediaStore {

    private final EntityManager em;

    public DatabaseMediaStore(EntityManager em) {
        this.em = em;
    }

    @Override
    public void save(long mediaId, StoredFile file) {
        em.createNativeQuery("insert into media_files (media_id, width, height, content_type, data) values (?, ?, ?, ?, ?)")
                .setParameter(1, mediaId)
                .setParameter(2, file.width())
                .setParameter(3, file.height())
                .setParameter(4, file.contentType())
                .setParameter(5, file.data())
                .executeUpdate();
    }

    @Override
    public Optional<StoredFile> find(long mediaId, int width) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select width, height, content_type, data from media_files where media_id = ? and width = ?")
                .setParameter(1, mediaId)
                .setParameter(2, width)
                .getResultList();
        return rows.stream().findFirst().map(row -> new StoredFile(((Number) row[0]).intValue(), ((Number) row[1]).intValue(),
                (String) row[2], (byte[]) row[3]));
    }

    @Override
    public void deleteAll(long mediaId) {
        em.createNativeQuery("delete from media_files where media_id = ?").setParameter(1, mediaId).executeUpdate();
    }
}
