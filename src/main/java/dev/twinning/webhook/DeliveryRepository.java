package dev.twinning.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.twinning.common.query.SqlValues;

/**
 * The outbox: deliveries queued with the changes they announce, claimed by the dispatchers of every instance,
 * and the log of their attempts. Callers provide the transaction.
 */
@ApplicationScoped
public class DeliveryRepository {

    /** A delivery claimed for one attempt, with what it takes to send it. */
    record Claimed(long id, long webhookId, String messageId, String event, String payload, int attempt, String url,
            List<String> secrets) {
    }

    private final EntityManager em;

    public DeliveryRepository(EntityManager em) {
        this.em = em;
    }

    /** Queues one delivery of the event to every enabled endpoint subscribed to it; answers how many. */
    int queue(String messageId, String type, String payload) {
        return em.createNativeQuery("insert into webhook_deliveries (webhook_id, message_id, event, payload)"
                + " select id, ?1, ?2, ?3 from webhooks where enabled and events && cast(?4 as text[]) for key share")
                .setParameter(1, messageId)
                .setParameter(2, type)
                .setParameter(3, payload)
                .setParameter(4, "{\"" + String.join("\",\"", EventTypes.filtersMatching(type)) + "\"}")
                .executeUpdate();
    }

    /** Queues one delivery to one endpoint, whatever it subscribes to; answers its id. */
    long queueTo(long webhookId, String messageId, String type, String payload) {
        return ((Number) em.createNativeQuery("insert into webhook_deliveries (webhook_id, message_id, event, payload)"
                + " values (?1, ?2, ?3, ?4) returning id")
                .setParameter(1, webhookId)
                .setParameter(2, messageId)
                .setParameter(3, type)
                .setParameter(4, payload)
                .getSingleResult()).longValue();
    }

    /**
     * Leases up to {@code limit} due deliveries of enabled endpoints for {@code lease}, none beyond
     * {@code perEndpoint} leased attempts to one endpoint (counted over all instances: the endpoints' rows are
     * locked while counting). Rows another instance is claiming are skipped, not waited for.
     */
    @SuppressWarnings("unchecked")
    List<Claimed> claim(int limit, int perEndpoint, Duration lease) {
        List<Object[]> due = em.createNativeQuery("""
                select d.id, d.webhook_id from webhook_deliveries d
                where d.state = 'PENDING' and d.next_attempt_at <= clock_timestamp()
                  and (d.leased_until is null or d.leased_until < clock_timestamp())
                  and exists (select 1 from webhooks w where w.id = d.webhook_id and w.enabled)
                  and d.webhook_id not in (select l.webhook_id from webhook_deliveries l
                       where l.leased_until >= clock_timestamp() and l.state = 'PENDING'
                       group by l.webhook_id having count(*) >= ?2)
                order by d.next_attempt_at, d.id
                limit ?1
                for update of d skip locked""")
                .setParameter(1, limit)
                .setParameter(2, perEndpoint)
                .getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> byEndpoint = new LinkedHashMap<>();
        for (Object[] row : due) {
            byEndpoint.computeIfAbsent(((Number) row[1]).longValue(), id -> new ArrayList<>())
                    .add(((Number) row[0]).longValue());
        }
        // Locked while their leases are counted, so that instances claiming at once cannot exceed the share. No
        // key update: changes queueing deliveries for them (a key share lock) are not held up; skip locked: an
        // endpoint being deleted, or counted by another instance right now, waits for the next round.
        @SuppressWarnings("unchecked")
        List<Number> lockedEndpoints = em.createNativeQuery("select id from webhooks where id = any(?1) order by id"
                + " for no key update skip locked")
                .setParameter(1, byEndpoint.keySet().toArray(Long[]::new))
                .getResultList();
        Long[] endpoints = lockedEndpoints.stream().map(Number::longValue).toArray(Long[]::new);
        byEndpoint.keySet().retainAll(List.of(endpoints));
        if (byEndpoint.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> busy = new HashMap<>();
        List<Object[]> leased = em.createNativeQuery("select webhook_id, count(*) from webhook_deliveries"
                + " where leased_until >= clock_timestamp() and state = 'PENDING' and webhook_id = any(?1) group by webhook_id")
                .setParameter(1, endpoints)
                .getResultList();
        leased.forEach(row -> busy.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue()));
        List<Long> chosen = new ArrayList<>();
        byEndpoint.forEach((endpoint, ids) -> chosen
                .addAll(ids.subList(0, Math.max(0, Math.min(ids.size(), perEndpoint - busy.getOrDefault(endpoint, 0))))));
        if (chosen.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                update webhook_deliveries d
                set leased_until = clock_timestamp() + ?2 * interval '1 millisecond', attempts = d.attempts + 1
                from webhooks w
                where d.id = any(?1) and w.id = d.webhook_id
                returning d.id, d.webhook_id, d.message_id, d.event, d.payload, d.attempts, w.url, w.secret,
                  case when w.previous_secret_until > clock_timestamp() then w.previous_secret end""")
                .setParameter(1, chosen.toArray(Long[]::new))
                .setParameter(2, lease.toMillis())
                .getResultList();
        List<Claimed> claimed = new ArrayList<>();
        for (Object[] row : rows) {
            List<String> secrets = new ArrayList<>();
            secrets.add((String) row[7]);
            if (row[8] != null) {
                secrets.add((String) row[8]);
            }
            claimed.add(new Claimed(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2],
                    (String) row[3], (String) row[4], ((Number) row[5]).intValue(), (String) row[6], secrets));
        }
        return claimed;
    }

    /**
     * Logs an attempt and ends its lease: the delivery becomes {@code state}, due again after {@code retryIn}
     * when that is not null. Answers false, changing nothing, when the delivery is no longer in that attempt
     * (the endpoint was deleted, or the delivery was claimed again after its lease ran out).
     */
    boolean recordAttempt(long delivery, int attempt, Integer statusCode, String error, long durationMs, String state,
            Duration retryIn) {
        int updated = em.createNativeQuery("update webhook_deliveries set state = ?3, leased_until = null,"
                + " next_attempt_at = case when ?4 >= 0 then clock_timestamp() + ?4 * interval '1 millisecond' end"
                + " where id = ?1 and attempts = ?2 and state = 'PENDING'")
                .setParameter(1, delivery)
                .setParameter(2, attempt)
                .setParameter(3, state)
                .setParameter(4, retryIn == null ? -1L : retryIn.toMillis())
                .executeUpdate();
        if (updated == 0) {
            return false;
        }
        em.createNativeQuery("insert into webhook_attempts (delivery_id, attempt, at, status_code, error, duration_ms)"
                + " values (?1, ?2, clock_timestamp(), cast(?3 as integer), cast(?4 as varchar), ?5) on conflict do nothing")
                .setParameter(1, delivery)
                .setParameter(2, attempt)
                .setParameter(3, statusCode)
                .setParameter(4, error)
                .setParameter(5, (int) Math.min(Integer.MAX_VALUE, durationMs))
                .executeUpdate();
        return true;
    }

    /** Stops deliveries to an endpoint, saying why. */
    void disable(long webhookId, String reason) {
        em.createNativeQuery("update webhooks set enabled = false, disabled_reason = ?2, updated_at = now(),"
                + " version = version + 1 where id = ?1")
                .setParameter(1, webhookId)
                .setParameter(2, reason)
                .executeUpdate();
    }

    /** Deliveries due now and not yet sent, and how long the oldest has waited, in milliseconds. */
    long[] queue() {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), coalesce(extract(epoch from clock_timestamp() - min(next_attempt_at)) * 1000, 0)
                from webhook_deliveries d where state = 'PENDING' and next_attempt_at <= clock_timestamp()
                  and (leased_until is null or leased_until < clock_timestamp())
                  and exists (select 1 from webhooks w where w.id = d.webhook_id and w.enabled)""")
                .getSingleResult();
        return new long[]{((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /** Drops finished deliveries, with their attempts, older than {@code age}. */
    int purgeFinished(Duration age) {
        return em.createNativeQuery("delete from webhook_deliveries"
                + " where state <> 'PENDING' and created_at < clock_timestamp() - ?1 * interval '1 second'")
                .setParameter(1, age.toSeconds())
                .executeUpdate();
    }

    /**
     * Whether the endpoint's delivery is leased to an attempt right now, locking it against claims; empty when
     * the endpoint has no such delivery.
     */
    Optional<Boolean> lockForRetry(long webhookId, long delivery) {
        @SuppressWarnings("unchecked")
        List<Object> leased = em.createNativeQuery("select coalesce(leased_until >= clock_timestamp(), false)"
                + " from webhook_deliveries where id = ?1 and webhook_id = ?2 for update")
                .setParameter(1, delivery)
                .setParameter(2, webhookId)
                .getResultList();
        return leased.stream().findFirst().map(Boolean.TRUE::equals);
    }

    /** Makes a delivery due now, pending again. */
    void makeDue(long delivery) {
        em.createNativeQuery("update webhook_deliveries set state = 'PENDING', next_attempt_at = clock_timestamp()"
                + " where id = ?1")
                .setParameter(1, delivery)
                .executeUpdate();
    }

    long count(long webhookId, String state) {
        return ((Number) em.createNativeQuery("select count(*) from webhook_deliveries"
                + " where webhook_id = ?1 and (cast(?2 as varchar) is null or state = ?2)")
                .setParameter(1, webhookId)
                .setParameter(2, state)
                .getSingleResult()).longValue();
    }

    /** A page of the endpoint's deliveries, newest first, each with every attempt; or the one {@code onlyId}. */
    @SuppressWarnings("unchecked")
    List<DeliveryResponse> page(long webhookId, String state, Long onlyId, int page, int size) {
        List<Object[]> rows = em.createNativeQuery("""
                select d.id, d.event, d.message_id, d.state, d.attempts, d.next_attempt_at, d.created_at, d.payload
                from webhook_deliveries d
                where d.webhook_id = ?1 and (cast(?2 as varchar) is null or d.state = ?2)
                  and (cast(?3 as bigint) is null or d.id = ?3)
                order by d.id desc limit ?4 offset ?5""")
                .setParameter(1, webhookId)
                .setParameter(2, state)
                .setParameter(3, onlyId)
                .setParameter(4, size)
                .setParameter(5, (long) page * size)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        Long[] ids = rows.stream().map(row -> ((Number) row[0]).longValue()).toArray(Long[]::new);
        List<Object[]> attemptRows = em.createNativeQuery("select delivery_id, attempt, at, status_code, error, duration_ms"
                + " from webhook_attempts where delivery_id = any(?1) order by delivery_id, attempt")
                .setParameter(1, ids)
                .getResultList();
        Map<Long, List<DeliveryResponse.Attempt>> attempts = new HashMap<>();
        for (Object[] row : attemptRows) {
            attempts.computeIfAbsent(((Number) row[0]).longValue(), key -> new ArrayList<>())
                    .add(new DeliveryResponse.Attempt(((Number) row[1]).intValue(), SqlValues.instant(row[2]),
                            row[3] == null ? null : ((Number) row[3]).intValue(), (String) row[4],
                            ((Number) row[5]).intValue()));
        }
        List<DeliveryResponse> items = new ArrayList<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            List<DeliveryResponse.Attempt> made = attempts.getOrDefault(id, List.of());
            DeliveryResponse.Attempt last = made.isEmpty() ? null : made.get(made.size() - 1);
            items.add(new DeliveryResponse(id, (String) row[1], webhookId, (String) row[2], (String) row[3],
                    ((Number) row[4]).intValue(), last == null ? null : last.at(), last == null ? null : last.statusCode(),
                    last == null ? null : last.error(), last == null ? null : last.durationMs(),
                    SqlValues.instant(row[5]), SqlValues.instant(row[6]), (String) row[7], made));
        }
        return items;
    }
}
