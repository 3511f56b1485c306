package dev.twinning.content;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.EntityTag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonDiff;

import io.quarkus.arc.All;

import dev.twinning.audit.AuditLog;
import dev.twinning.common.audit.AuditListener;
import dev.twinning.common.audit.AuditedEntity;
import dev.twinning.common.error.ConflictException;
import dev.twinning.common.error.InputErrors;
import dev.twinning.common.error.InvalidInputException;
import dev.twinning.common.error.ResourceNotFoundException;
import dev.twinning.common.etag.EntityTags;
import dev.twinning.common.etag.IfMatch;
import dev.twinning.common.i18n.ContentLocales;
import dev.twinning.common.paging.Paged;
import dev.twinning.webhook.WebhookEvents;

/**
 * The editorial workflow, once for every {@link ContentType}: revisions of every change, publishing (now, on a
 * write with {@code ?publish=true}, or on a schedule), unpublishing, the trash and their audit entries.
 * Publishing copies the record's rows from the working copies into the published tables; public reads only
 * ever see those.
 */
@ApplicationScoped
public class Workflow {

    /** A revision in a record's history. */
    public record RevisionSummary(int revision, Action action, Instant at, String by) {
    }

    /** A revision with the record's content after it and the change from the revision before. */
    public record RevisionDetail(int revision, Action action, Instant at, String by, JsonNode content, JsonNode changes) {
    }

    /** A body and the ETag of the working copy it represents. */
    public record Tagged(Object body, EntityTag tag) {
    }

    private final Map<String, ContentType<?, ?>> types = new LinkedHashMap<>();
    private final EntityManager em;
    private final WorkingCopies copies;
    private final ContentRequest request;
    private final Revisions revisions;
    private final AuditLog audit;
    private final WebhookEvents events;
    private final EntityTags entityTags;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final ContentLocales locales;
    private final Map<String, List<String>> columns = new ConcurrentHashMap<>();

    public Workflow(@All List<ContentType<?, ?>> types, EntityManager em, WorkingCopies copies, ContentRequest request,
            Revisions revisions, AuditLog audit, WebhookEvents events, EntityTags entityTags, ObjectMapper mapper,
            Validator validator,
            ContentLocales locales) {
        this.em = em;
        this.copies = copies;
        this.request = request;
        this.revisions = revisions;
        this.audit = audit;
        this.events = events;
        this.entityTags = entityTags;
        this.mapper = mapper;
        this.validator = validator;
        this.locales = locales;
        dependencyOrder(types).forEach(type -> this.types.put(type.collection(), type));
    }

    // ---- hooks the content types' services call inside their working-copy transactions

    /** A record was created or changed: a revision, an audit entry, and the publication {@code ?publish=true} asks for. */
    public <E extends AuditedEntity & Publishable> void changed(ContentType<E, ?> type, E record, Action action) {
        em.flush();
        recordChange(type, record, action);
    }

    /** The revision, audit entry and publication of a change already flushed. */
    private <E extends AuditedEntity & Publishable> void recordChange(ContentType<E, ?> type, E record, Action action) {
        JsonNode content = content(type, record);
        boolean same = action != Action.CREATE && revisions.latest(type.collection(), idOf(record))
                .map(latest -> latest.content().equals(content))
                .orElse(false);
        if (!same) {
            Publication publication = record.publication();
            if (publication.publishedVersion != null && publication.publishedVersion == record.version) {
                // some changes (a reordered collection) leave the version as it was: the working copy must not
                // look published as it is
                em.lock(record, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
                em.flush();
            }
            append(type, record, action, content);
        }
        if (request.publish()) {
            publishNow(type, record);
        }
    }

    /**
     * The same for code that knows a record only by its collection (translations); a record of another
     * collection (an image) has no revisions and gets its audit entry only.
     */
    public void changed(String collection, Object record, Action action) {
        ContentType<?, ?> type = types.get(collection);
        if (type != null) {
            changedRecord(type, record, action);
        } else {
            audit.record(action.name(), collection, idOf(record), null);
            events.changed(new WebhookEvents.Subject(collection, idOf(record), null, null), action.event(), true);
        }
    }

    @SuppressWarnings("unchecked")
    private <E extends AuditedEntity & Publishable> void changedRecord(ContentType<E, ?> type, Object record, Action action) {
        changed(type, (E) record, action);
    }

    /**
     * A record an import wrote: its revision, then published (or unpublished when the dataset says
     * {@code "published": false}). Referenced records come first, as the import writes them.
     */
    public void imported(String collection, Object record, boolean created, boolean published) {
        importedRecord(of(collection), record, created, published);
    }

    @SuppressWarnings("unchecked")
    private <E extends AuditedEntity & Publishable> void importedRecord(ContentType<E, ?> type, Object written,
            boolean created, boolean published) {
        E record = (E) written;
        recordChange(type, record, created ? Action.CREATE : Action.UPDATE);
        if (published) {
            publishNow(type, record);
        } else {
            unpublishNow(type, record);
        }
    }

    /** Moves a record to the trash, unpublishing it; the caller has checked that nothing else still needs it. */
    public <E extends AuditedEntity & Publishable> void trash(ContentType<E, ?> type, E record) {
        em.flush();
        if (record.publication().publishedVersion != null) {
            requireNoLiveReferrers(type, idOf(record));
            copies.onLiveTables(() -> sql("delete from " + live(type.tables().table()) + " where id = ?1", idOf(record)));
        }
        Instant now = now();
        String user = AuditListener.currentUser();
        em.createNativeQuery("update " + type.tables().table() + " set deleted_at = ?2, deleted_by = ?3, published_at = null,"
                + " published_version = null, publish_at = null, unpublish_at = null where id = ?1")
                .setParameter(1, idOf(record))
                .setParameter(2, now)
                .setParameter(3, user)
                .executeUpdate();
        append(type, record, Action.DELETE, content(type, record));
        em.detach(record);
    }

    /** The workflow's content types, by collection; empty for other collections (media). */
    public java.util.Optional<ContentType<?, ?>> type(String collection) {
        return java.util.Optional.ofNullable(types.get(collection));
    }

    // ---- endpoints

    /** Publishes now ({@code at} null) or schedules it. */
    @WorkingCopy
    public Tagged publish(String collection, String idOrKey, IfMatch ifMatch, Instant at) {
        return transition(of(collection), idOrKey, ifMatch, at, true);
    }

    @WorkingCopy
    public Tagged unpublish(String collection, String idOrKey, IfMatch ifMatch, Instant at) {
        return transition(of(collection), idOrKey, ifMatch, at, false);
    }

    @WorkingCopy
    public EntityTag cancelSchedule(String collection, String idOrKey, IfMatch ifMatch) {
        return cancelSchedule(of(collection), idOrKey, ifMatch);
    }

    @WorkingCopy
    public Paged<RevisionSummary> revisions(String collection, String idOrKey, int page, int size) {
        ContentType<?, ?> type = of(collection);
        long id = idOf(type, idOrKey);
        List<RevisionSummary> items = revisions.page(collection, id, page, size).stream()
                .map(row -> new RevisionSummary(row.revision(), row.action(), row.at(), row.by()))
                .toList();
        return Paged.of(items, page, size, () -> revisions.count(collection, id));
    }

    @WorkingCopy
    public RevisionDetail revision(String collection, String idOrKey, int revision) {
        ContentType<?, ?> type = of(collection);
        long id = idOf(type, idOrKey);
        Revisions.Row row = revisions.find(collection, id, revision)
                .orElseThrow(() -> new ResourceNotFoundException("revision", revision + " of " + collection + "/" + idOrKey));
        JsonNode before = revisions.before(collection, id, revision)
                .map(Revisions.Row::content)
                .orElse(mapper.createObjectNode());
        return new RevisionDetail(row.revision(), row.action(), row.at(), row.by(), row.content(),
                JsonDiff.asJson(before, row.content()));
    }

    /** Makes an earlier revision's content the working copy again. */
    @WorkingCopy
    public Tagged restore(String collection, String idOrKey, int revision, IfMatch ifMatch) {
        return restore(of(collection), idOrKey, revision, ifMatch);
    }

    // ---- used by the trash and the scheduler

    Iterable<ContentType<?, ?>> inDependencyOrder() {
        return types.values();
    }

    ContentType<?, ?> of(String collection) {
        ContentType<?, ?> type = types.get(collection);
        if (type == null) {
            throw new ResourceNotFoundException("collection", collection);
        }
        return type;
    }

    <E extends AuditedEntity & Publishable> void publishNow(ContentType<E, ?> type, E record) {
        Publication publication = record.publication();
        if (publication.state(record.version) == PublicationState.PUBLISHED) {
            clearSchedule(type, record, "publish_at");
            return;
        }
        requireLiveReferences(type, idOf(record));
        Instant now = now();
        em.createNativeQuery("update " + type.tables().table()
                + " set published_at = ?2, published_version = version, publish_at = null where id = ?1")
                .setParameter(1, idOf(record))
                .setParameter(2, now)
                .executeUpdate();
        copies.onLiveTables(() -> copyToLive(type.tables(), idOf(record)));
        publication.publishedAt = now;
        publication.publishedVersion = record.version;
        publication.publishAt = null;
        append(type, record, Action.PUBLISH, content(type, record));
    }

    <E extends AuditedEntity & Publishable> void unpublishNow(ContentType<E, ?> type, E record) {
        Publication publication = record.publication();
        if (publication.publishedVersion == null) {
            clearSchedule(type, record, "unpublish_at");
            return;
        }
        requireNoLiveReferrers(type, idOf(record));
        copies.onLiveTables(() -> sql("delete from " + live(type.tables().table()) + " where id = ?1", idOf(record)));
        sql("update " + type.tables().table() + " set published_at = null, published_version = null, unpublish_at = null"
                + " where id = ?1", idOf(record));
        publication.publishedAt = null;
        publication.publishedVersion = null;
        publication.unpublishAt = null;
        append(type, record, Action.UNPUBLISH, content(type, record));
    }

    /** Other records whose rows name this one in {@code schema}'s tables, as "agreements [3, 5]" phrases. */
    List<String> referrers(ContentType<?, ?> target, long id, String schema) {
        List<String> found = new ArrayList<>();
        for (ContentType<?, ?> type : types.values()) {
            for (ContentTables.Reference reference : type.tables().references()) {
                if (!reference.target().equals(target.collection())) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<Number> owners = em.createNativeQuery("select distinct " + reference.owner() + " from " + schema + "."
                        + reference.table() + " where " + reference.column() + " = ?1 order by 1")
                        .setParameter(1, id)
                        .getResultList();
                if (!owners.isEmpty()) {
                    found.add(type.collection() + " " + owners.stream().map(Number::longValue).toList());
                }
            }
        }
        return found.stream().distinct().toList();
    }

    /** This record's references to records of {@code target} tables that fail {@code condition} (SQL on {@code t}). */
    List<String> references(ContentType<?, ?> type, long id, String targetSchema, String missingWhen) {
        List<String> found = new ArrayList<>();
        for (ContentTables.Reference reference : type.tables().references()) {
            ContentType<?, ?> target = of(reference.target());
            @SuppressWarnings("unchecked")
            List<Number> ids = em
                    .createNativeQuery("select distinct w." + reference.column() + " from " + copies.workingSchema()
                            + "." + reference.table() + " w where w." + reference.owner() + " = ?1 and w." + reference.column()
                            + " is not null and " + missingWhen.formatted(targetSchema + "." + target.tables().table(),
                                    "w." + reference.column())
                            + " order by 1")
                    .setParameter(1, id)
                    .getResultList();
            if (!ids.isEmpty()) {
                found.add(target.collection() + " " + ids.stream().map(Number::longValue).toList());
            }
        }
        return found.stream().distinct().toList();
    }

    <E extends AuditedEntity & Publishable> int append(ContentType<E, ?> type, E record, Action action, JsonNode content) {
        int revision = revisions.append(type.collection(), idOf(record), action, AuditListener.currentUser(), content);
        audit.record(action.name(), type.collection(), idOf(record), revision);
        // a deleted record is still marked published here when it was (the trash clears the columns in SQL)
        boolean wasPublished = record.publication().publishedVersion != null;
        events.changed(new WebhookEvents.Subject(type.singular(), idOf(record), content.path("slug").asText(null),
                content.path("key").asText(null)), action.event(), action.changesPublicView(wasPublished));
        return revision;
    }

    /** The record's own fields as PUT accepts them, with its id and its text in every locale. */
    <E extends AuditedEntity & Publishable> JsonNode content(ContentType<E, ?> type, E record) {
        ObjectNode content = mapper.createObjectNode();
        content.put("id", idOf(record));
        content.setAll((ObjectNode) mapper.valueToTree(type.editable().apply(record)));
        if (type.text() != null) {
            content.set("translations", mapper.valueToTree(type.text().all(record, locales.tags(), locales.defaultTag())));
        }
        // as stored and read back, so that it compares equal to a stored revision with the same text
        try {
            return mapper.readTree(mapper.writeValueAsString(content));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A record's content could not be written as JSON", e);
        }
    }

    EntityTag tagOf(ContentType<?, ?> type, Object record) {
        return entityTags.of(represent(type, record));
    }

    @SuppressWarnings("unchecked")
    static <E extends AuditedEntity & Publishable> Object represent(ContentType<E, ?> type, Object record) {
        return type.represent((E) record);
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    String live(String table) {
        return copies.liveSchema() + "." + table;
    }

    void sql(String statement, long id) {
        em.createNativeQuery(statement).setParameter(1, id).executeUpdate();
    }

    // ---- the generic operations, typed

    /** Publishes ({@code publish}) or unpublishes now ({@code at} null) or schedules it. */
    private <E extends AuditedEntity & Publishable> Tagged transition(ContentType<E, ?> type, String idOrKey, IfMatch ifMatch,
            Instant at, boolean publish) {
        E record = type.find(idOrKey);
        ifMatch.check(tagOf(type, record));
        if (at == null) {
            if (publish) {
                publishNow(type, record);
            } else {
                unpublishNow(type, record);
            }
            return tagged(type, record);
        }
        if (!at.isAfter(Instant.now())) {
            throw new InvalidInputException("at", "must be in the future");
        }
        em.createNativeQuery("update " + type.tables().table() + " set " + (publish ? "publish_at" : "unpublish_at")
                + " = ?2 where id = ?1")
                .setParameter(1, idOf(record))
                .setParameter(2, at)
                .executeUpdate();
        if (publish) {
            record.publication().publishAt = at;
        } else {
            record.publication().unpublishAt = at;
        }
        audit.record(publish ? "SCHEDULE_PUBLISH" : "SCHEDULE_UNPUBLISH", type.collection(), idOf(record), null);
        return tagged(type, record);
    }

    private <E extends AuditedEntity & Publishable> EntityTag cancelSchedule(ContentType<E, ?> type, String idOrKey,
            IfMatch ifMatch) {
        E record = type.find(idOrKey);
        ifMatch.check(tagOf(type, record));
        Publication publication = record.publication();
        if (publication.publishAt != null || publication.unpublishAt != null) {
            sql("update " + type.tables().table() + " set publish_at = null, unpublish_at = null where id = ?1", idOf(record));
            publication.publishAt = null;
            publication.unpublishAt = null;
            audit.record("CANCEL_SCHEDULE", type.collection(), idOf(record), null);
        }
        return tagOf(type, record);
    }

    private <E extends AuditedEntity & Publishable, R> Tagged restore(ContentType<E, R> type, String idOrKey, int revision,
            IfMatch ifMatch) {
        E record = type.find(idOrKey);
        ifMatch.check(tagOf(type, record));
        JsonNode content = revisions.find(type.collection(), idOf(record), revision)
                .orElseThrow(
                        () -> new ResourceNotFoundException("revision", revision + " of " + type.collection() + "/" + idOrKey))
                .content();
        ObjectNode fields = content.deepCopy();
        fields.remove("id");
        JsonNode translations = fields.remove("translations");
        R edited;
        try {
            edited = mapper.treeToValue(fields, type.requestType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ConflictException("Revision " + revision + " no longer fits the " + type.singular()
                    + "'s fields and cannot be restored");
        }
        Set<ConstraintViolation<R>> violations = validator.validate(edited);
        if (!violations.isEmpty()) {
            throw new ConflictException("Revision " + revision + " cannot be restored: " + violations.stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
        }
        try {
            type.writer().accept(record, edited);
            if (type.text() != null && translations != null) {
                Map<String, JsonNode> byLocale = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = translations.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> locale = it.next();
                    if (!locale.getKey().equals(locales.defaultTag()) && locales.tags().contains(locale.getKey())) {
                        byLocale.put(locale.getKey(), locale.getValue());
                    }
                }
                InputErrors errors = new InputErrors();
                type.text().replace(record, byLocale, errors);
                errors.throwIfAny();
            }
        } catch (InvalidInputException e) {
            throw new ConflictException("Revision " + revision + " cannot be restored: " + e.errors().stream()
                    .map(error -> error.field() + " " + error.message())
                    .collect(Collectors.joining("; ")));
        }
        em.flush();
        append(type, record, Action.RESTORE, content(type, record));
        if (request.publish()) {
            publishNow(type, record);
        }
        return tagged(type, record);
    }

    private <E extends AuditedEntity & Publishable> void clearSchedule(ContentType<E, ?> type, E record, String column) {
        sql("update " + type.tables().table() + " set " + column + " = null where id = ?1", idOf(record));
        if (column.equals("publish_at")) {
            record.publication().publishAt = null;
        } else {
            record.publication().unpublishAt = null;
        }
    }

    private <E extends AuditedEntity & Publishable> Tagged tagged(ContentType<E, ?> type, E record) {
        Object body = type.represent(record);
        return new Tagged(body, entityTags.of(body));
    }

    private long idOf(ContentType<?, ?> type, String idOrKey) {
        return idOf(type.find(idOrKey));
    }

    /** A record's id, whatever its type. */
    long idOf(Object record) {
        return ((Number) em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(record)).longValue();
    }

    private void requireLiveReferences(ContentType<?, ?> type, long id) {
        List<String> missing = references(type, id, copies.liveSchema(), "not exists (select 1 from %s t where t.id = %s)");
        if (!missing.isEmpty()) {
            throw new ConflictException("This " + type.singular() + " names records that are not published: "
                    + String.join(" and ", missing) + "; publish them first");
        }
    }

    private void requireNoLiveReferrers(ContentType<?, ?> type, long id) {
        List<String> referrers = referrers(type, id, copies.liveSchema());
        if (!referrers.isEmpty()) {
            throw new ConflictException("Published records name this " + type.singular() + ": "
                    + String.join(" and ", referrers) + "; unpublish them first");
        }
    }

    private void copyToLive(ContentTables tables, long id) {
        List<String> own = columnsOf(tables.table());
        String list = String.join(", ", own);
        String updates = own.stream()
                .filter(column -> !column.equals("id"))
                .map(column -> column + " = excluded." + column)
                .collect(Collectors.joining(", "));
        sql("insert into " + live(tables.table()) + " (" + list + ") select " + list + " from " + copies.workingSchema() + "."
                + tables.table() + " where id = ?1 on conflict (id) do update set " + updates, id);
        for (ContentTables.Child child : tables.children()) {
            String childColumns = String.join(", ", columnsOf(child.table()));
            sql("delete from " + live(child.table()) + " where " + child.owner() + " = ?1", id);
            sql("insert into " + live(child.table()) + " (" + childColumns + ") select " + childColumns + " from "
                    + copies.workingSchema() + "." + child.table() + " where " + child.owner() + " = ?1", id);
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> columnsOf(String table) {
        return columns.computeIfAbsent(table, name -> ((List<String>) em.createNativeQuery(
                "select quote_ident(column_name) from information_schema.columns where table_schema = ?1 and table_name = ?2"
                        + " order by ordinal_position")
                .setParameter(1, copies.workingSchemaName())
                .setParameter(2, name)
                .getResultList()));
    }

    /** Referenced types before the types that reference them, so that due publications run in a workable order. */
    private static List<ContentType<?, ?>> dependencyOrder(List<ContentType<?, ?>> types) {
        List<ContentType<?, ?>> ordered = new ArrayList<>();
        List<ContentType<?, ?>> left = new ArrayList<>(types);
        left.sort(java.util.Comparator.comparing(ContentType::collection));
        while (!left.isEmpty()) {
            ContentType<?, ?> next = left.stream()
                    .filter(type -> type.tables().references().stream()
                            .allMatch(reference -> reference.target().equals(type.collection())
                                    || ordered.stream().anyMatch(done -> done.collection().equals(reference.target()))))
                    .findFirst()
                    .orElse(left.get(0));
            ordered.add(next);
            left.remove(next);
        }
        return ordered;
    }
}
