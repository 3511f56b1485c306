package dev.twinning.webhook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.twinning.page.PresentingPages;

/**
 * Announces changes to webhook endpoints through the outbox: one delivery row per subscribed endpoint, written
 * in the transaction of the change, so a change that rolls back announces nothing and a committed one is
 * never lost. Once the transaction commits, the {@link WebhookDispatcher} is woken to send at once.
 */
@ApplicationScoped
public class WebhookEvents {

    /** The record an event is about: its collection (singular), id, and slug or key where it has one. */
    public record Subject(String collection, long id, String slug, String key) {
    }

    private static final Object WAKE_AFTER_COMMIT = new Object();

    private final DeliveryRepository deliveries;
    private final ObjectMapper mapper;
    private final PresentingPages pages;
    private final TransactionSynchronizationRegistry transactions;
    private final WebhookDispatcher dispatcher;

    public WebhookEvents(DeliveryRepository deliveries, ObjectMapper mapper, PresentingPages pages,
            TransactionSynchronizationRegistry transactions, WebhookDispatcher dispatcher) {
        this.deliveries = deliveries;
        this.mapper = mapper;
        this.pages = pages;
        this.transactions = transactions;
        this.dispatcher = dispatcher;
    }

    /**
     * Announces {@code {collection}.{action}} for the subject and, when the change alters what the public sees
     * of it ({@code publicView}), {@code page.updated} for every published page that presents it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Subject subject, String action, boolean publicView) {
        emit(subject.collection() + "." + action, subject);
        if (publicView && !subject.collection().equals("page")) {
            pages.of(subject.collection(), subject.id())
                    .forEach(page -> emit("page.updated", new Subject("page", page.id(), null, page.key())));
        }
    }

    /** Queues a {@code webhook.ping} for one endpoint, whatever it subscribes to; answers its delivery's id. */
    @Transactional(Transactional.TxType.MANDATORY)
    long ping(long webhookId) {
        long delivery = deliveries.queueTo(webhookId, messageId(), EventTypes.PING, payload(EventTypes.PING, null));
        wakeAfterCommit();
        return delivery;
    }

    private void emit(String type, Subject subject) {
        int queued = deliveries.queue(messageId(), type, payload(type, subject));
        if (queued > 0) {
            wakeAfterCommit();
        }
    }

    /** Wakes the dispatcher once the current transaction commits (once per transaction). */
    void wakeAfterCommit() {
        if (transactions.getResource(WAKE_AFTER_COMMIT) != null) {
            return;
        }
        transactions.putResource(WAKE_AFTER_COMMIT, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {

            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    dispatcher.wake();
                }
            }
        });
    }

    /** The webhook-id of an event: the same on every attempt to every endpoint. */
    private static String messageId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The thin payload every event shares: its type, when, and which record. */
    private String payload(String type, Subject subject) {
        ObjectNode body = mapper.createObjectNode();
        body.put("type", type);
        body.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        ObjectNode data = body.putObject("data");
        if (subject != null) {
            data.put("collection", subject.collection());
            data.put("id", subject.id());
            if (subject.slug() != null) {
                data.put("slug", subject.slug());
            }
            if (subject.key() != null) {
                data.put("key", subject.key());
            }
        }
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event payload could not be written", e);
        }
    }
}
