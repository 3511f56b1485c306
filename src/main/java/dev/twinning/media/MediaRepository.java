package dev.twinning.media;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import dev.twinning.common.paging.Sorting;

@ApplicationScoped
public class MediaRepository implements PanacheRepository<Media> {

    static final Map<String, String> SORT_FIELDS = Map.of("createdAt", "m.createdAt", "bytes", "m.bytes", "width", "m.width");

    public List<Media> listPage(String sort, int page, int size) {
        return find("select m from Media m" + Sorting.orderBy(sort, "-createdAt", SORT_FIELDS, "m.id")).page(page, size).list();
    }

    /** Where the image is shown, as {@code cities/harbin} or {@code pages/friendship-cities}. */
    public List<String> usesOf(Media media) {
        @SuppressWarnings("unchecked")
        List<String> uses = getEntityManager().createNativeQuery("""
                select 'cities/' || c.slug from city_images i join cities c on c.id = i.city_id where i.media_id = ?1
                union
                select 'pages/' || p.key from page_images i join pages p on p.id = i.page_id where i.media_id = ?1
                order by 1""").setParameter(1, media.id).getResultList();
        return uses;
    }
}
