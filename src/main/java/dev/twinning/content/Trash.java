package dev.twinning.content;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.twinning.audit.AuditLog;
import dev.twinning.common.audit.AuditedEntity;
import dev.twinning.common.error.ConflictException;
import dev.twinning.common.error.ResourceNotFoundException;
import dev.twinning.common.paging.Paged;
import dev.twinning.common.query.SqlValues;

/**
 * Deleted records, for every content type: they keep their rows in the working copies, marked deleted, until
 * restored or purged. Public tables never hold them.
 */
@ApplicationScoped
public class Trash {

    /** A record in the trash. */
    @Schema(name = "TrashedRecord")
    public record Item(
            @Schema(required = true, example = "cities") String collection,
            @Schema(required = true, example = "17") long id,
            @Schema(required = true, example = "Gdańsk") String label,
            @Schema(required = true) Instant deletedAt,
            @Schema(required = true, example = "editor") String deletedBy) {
    }

    private final Workflow workflow;
    private final Revisions revisions;
    private final AuditLog audit;
    private final EntityManager em;
    private final WorkingCopies copies;

    public Trash(Workflow workflow, Revisions revisions, AuditLog audit, EntityManager em, WorkingCopies copies) {
        this.copies = copies;
        this.workflow = workflow;
        this.revisions = revisions;
        this.audit = audit;
        this.em = em;
    }

    /** Newest deletion first. */
    @WorkingCopy
    @SuppressWarnings("unchecked")
    public Paged<Item> list(int page, int size) {
        List<String> parts = new ArrayList<>();
        for (ContentType<?, ?> type : workflow.inDependencyOrder()) {
            parts.add("select '" + type.collection() + "' as collection, id, cast(" + type.tables().label()
                    + " as text) as label, deleted_at, deleted_by from " + type.tables().table()
                    + " where deleted_at is not null");
        }
        String union = String.join(" union all ", parts);
        List<Object[]> rows = em.createNativeQuery("select collection, id, label, deleted_at, deleted_by from (" + union
                + ") trashed order by deleted_at desc, collection, id limit " + size + " offset " + ((long) page * size))
                .getResultList();
        List<Item> items = rows.stream()
                .map(row -> new Item((String) row[0], ((Number) row[1]).longValue(), (String) row[2],
                        SqlValues.instant(row[3]), (String) row[4]))
                .toList();
        return Paged.of(items, page, size,
                () -> ((Number) em.createNativeQuery("select count(*) from (" + union + ") trashed").getSingleResult())
                        .longValue());
    }

    /** Brings a record back, unpublished, and answers it as its preview does. */
    @WorkingCopy
    public Workflow.Tagged restore(String collection, long id) {
        return restore(workflow.of(collection), id);
    }

    /** Removes a trashed record for good, with its history (and, for a page, its votes). */
    @WorkingCopy
    public void purge(String collection, long id) {
        ContentType<?, ?> type = workflow.of(collection);
        requireTrashed(type, id);
        List<String> referrers = workflow.referrers(type, id, copies.workingSchema());
        if (!referrers.isEmpty()) {
            throw new ConflictException("Records in the trash still name this " + type.singular() + ": "
                    + String.join(" and ", referrers) + "; purge them first");
        }
        workflow.sql("delete from " + type.tables().table() + " where id = ?1", id);
        revisions.deleteAll(collection, id);
        audit.record("PURGE", collection, id, null);
    }

    /** The records deleted longer ago than the retention, referencing records before those they name. */
    @WorkingCopy
    @SuppressWarnings("unchecked")
    public List<Item> expired(Duration retention) {
        List<Item> expired = new ArrayList<>();
        List<ContentType<?, ?>> types = new ArrayList<>();
        workflow.inDependencyOrder().forEach(type -> types.add(0, type));
        for (ContentType<?, ?> type : types) {
            List<Number> ids = em.createNativeQuery("select id from " + type.tables().table()
                    + " where deleted_at < ?1 order by deleted_at, id")
                    .setParameter(1, Instant.now().minus(retention))
                    .getResultList();
            ids.forEach(id -> expired.add(new Item(type.collection(), id.longValue(), null, null, null)));
        }
        return expired;
    }

    private <E extends AuditedEntity & Publishable> Workflow.Tagged restore(ContentType<E, ?> type, long id) {
        requireTrashed(type, id);
        List<String> trashed = workflow.references(type, id, copies.workingSchema(),
                "%2$s in (select t.id from %1$s t where t.deleted_at is not null)");
        if (!trashed.isEmpty()) {
            throw new ConflictException("This " + type.singular() + " names records that are in the trash: "
                    + String.join(" and ", trashed) + "; restore them first");
        }
        try {
            workflow.sql("update " + type.tables().table() + " set deleted_at = null, deleted_by = null where id = ?1", id);
        } catch (jakarta.persistence.PersistenceException e) {
            throw new ConflictException("Another " + type.singular()
                    + " has taken this one's slug, key or place since it was deleted; change that one first");
        }
        E record = type.find(String.valueOf(id));
        workflow.append(type, record, Action.UNDELETE, workflow.content(type, record));
        Object body = type.represent(record);
        return new Workflow.Tagged(body, workflow.tagOf(type, record));
    }

    private void requireTrashed(ContentType<?, ?> type, long id) {
        boolean trashed = !em
                .createNativeQuery("select 1 from " + type.tables().table() + " where id = ?1 and deleted_at is not null")
                .setParameter(1, id)
                .getResultList()
                .isEmpty();
        if (!trashed) {
            throw new ResourceNotFoundException("trashed " + type.singular(), String.valueOf(id));
        }
    }
}
