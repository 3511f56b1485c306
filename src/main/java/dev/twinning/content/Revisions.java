package dev.twinning.content;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.twinning.common.query.SqlValues;

/** The revisions table: every change of every record with its full content. */
@ApplicationScoped
class Revisions {

    /** One revision as stored. */
    record Row(int revision, Action action, Instant at, String by, JsonNode content) {
    }

    private final EntityManager em;
    private final ObjectMapper mapper;

    Revisions(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** Appends the next revision of a record and answers its number. */
    int append(String collection, long id, Action action, String by, JsonNode content) {
        Object number = em.createNativeQuery("""
                insert into revisions (collection, record_id, revision, action, username, content)
                select ?1, ?2, coalesce(max(revision), 0) + 1, ?3, ?4, cast(?5 as jsonb)
                from revisions where collection = ?1 and record_id = ?2
                returning revision""")
                .setParameter(1, collection)
                .setParameter(2, id)
                .setParameter(3, action.name())
                .setParameter(4, by)
                .setParameter(5, json(content))
                .getSingleResult();
        return ((Number) number).intValue();
    }

    Optional<Row> latest(String collection, long id) {
        return rows("order by revision desc limit 1", collection, id, null).stream().findFirst();
    }

    Optional<Row> find(String collection, long id, int revision) {
        return rows("and revision = ?3", collection, id, revision).stream().findFirst();
    }

    /** The revision before {@code revision}, if any. */
    Optional<Row> before(String collection, long id, int revision) {
        return rows("and revision < ?3 order by revision desc limit 1", collection, id, revision).stream().findFirst();
    }

    List<Row> page(String collection, long id, int page, int size) {
        return rows("order by revision desc limit " + size + " offset " + ((long) page * size), collection, id, null);
    }

    long count(String collection, long id) {
        return ((Number) em.createNativeQuery("select count(*) from revisions where collection = ?1 and record_id = ?2")
                .setParameter(1, collection)
                .setParameter(2, id)
                .getSingleResult()).longValue();
    }

    void deleteAll(String collection, long id) {
        em.createNativeQuery("delete from revisions where collection = ?1 and record_id = ?2")
                .setParameter(1, collection)
                .setParameter(2, id)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Row> rows(String tail, String collection, long id, Integer revision) {
        var query = em.createNativeQuery("select revision, action, at, username, cast(content as text) from revisions"
                + " where collection = ?1 and record_id = ?2 " + tail)
                .setParameter(1, collection)
                .setParameter(2, id);
        if (revision != null) {
            query.setParameter(3, revision);
        }
        return ((List<Object[]>) query.getResultList()).stream()
                .map(row -> new Row(((Number) row[0]).intValue(), Action.valueOf((String) row[1]), SqlValues.instant(row[2]),
                        (String) row[3], parse((String) row[4])))
                .toList();
    }

    private String json(JsonNode content) {
        try {
            return mapper.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A revision's content could not be written as JSON", e);
        }
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored revision is not JSON", e);
        }
    }
}
