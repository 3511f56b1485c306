package dev.twinning.webhook;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.twinning.audit.AuditLog;
import dev.twinning.common.error.ConflictException;
import dev.twinning.common.error.InputErrors;
import dev.twinning.common.error.ResourceNotFoundException;
import dev.twinning.common.etag.EntityTags;
import dev.twinning.common.etag.IfMatch;
import dev.twinning.common.paging.NewestFirstQuery;
import dev.twinning.common.paging.Paged;
import dev.twinning.common.query.Ids;

/** Registering and managing webhook endpoints, and their deliveries log. */
@ApplicationScoped
public class WebhookService {

    static final String COLLECTION = "webhooks";
    /** How long a rotated-out secret keeps signing beside the new one. */
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final WebhookTargets targets;
    private final WebhookEvents events;
    private final AuditLog audit;
    private final EntityTags entityTags;

    public WebhookService(WebhookRepository webhooks, DeliveryRepository deliveries, WebhookTargets targets,
            WebhookEvents events, AuditLog audit, EntityTags entityTags) {
        this.entityTags = entityTags;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.targets = targets;
        this.events = events;
        this.audit = audit;
    }

    /** Newest first. */
    public Paged<WebhookResponse> list(NewestFirstQuery paging) {
        paging.validate();
        int page = paging.pageNumber();
        int size = paging.pageSize();
        List<WebhookResponse> items = webhooks.listNewestFirst(page, size).stream().map(WebhookResponse::from).toList();
        return Paged.of(items, page, size, webhooks::count);
    }

    public WebhookResponse get(String id) {
        return WebhookResponse.from(find(id));
    }

    @Transactional
    public WebhookResponse create(WebhookRequest request) {
        InputErrors errors = new InputErrors();
        String url = errors.attempt(() -> targets.checkForRegistration(request.url()));
        List<String> filters = EventTypes.validate(request.events(), errors);
        errors.throwIfAny();
        Webhook webhook = new Webhook();
        webhook.url = url;
        webhook.events = filters.toArray(String[]::new);
        webhook.description = blankToNull(request.description());
        webhook.secret = newSecret();
        webhooks.persist(webhook);
        webhooks.flush();
        audit.record("CREATE", COLLECTION, webhook.id, null);
        return WebhookResponse.from(webhook).withSecret(webhook.secret);
    }

    @Transactional
    public WebhookResponse change(String id, WebhookChange change, IfMatch ifMatch) {
        Webhook webhook = find(id);
        ifMatch.check(entityTags.of(WebhookResponse.from(webhook)));
        InputErrors errors = new InputErrors();
        String url = change.url() == null ? null : errors.attempt(() -> targets.checkForRegistration(change.url()));
        List<String> filters = change.events() == null ? null : EventTypes.validate(change.events(), errors);
        errors.throwIfAny();
        if (url != null) {
            webhook.url = url;
        }
        if (filters != null) {
            webhook.events = filters.toArray(String[]::new);
        }
        if (change.description() != null) {
            webhook.description = blankToNull(change.description());
        }
        if (change.enabled() != null) {
            webhook.enabled = change.enabled();
            if (webhook.enabled) {
                webhook.disabledReason = null;
                events.wakeAfterCommit();
            }
        }
        webhooks.flush();
        audit.record("UPDATE", COLLECTION, webhook.id, null);
        return WebhookResponse.from(webhook);
    }

    /** Removes the endpoint with its deliveries log; pending deliveries are dropped. */
    @Transactional
    public void delete(String id, IfMatch ifMatch) {
        Webhook webhook = find(id);
        ifMatch.check(entityTags.of(WebhookResponse.from(webhook)));
        webhooks.delete(webhook);
        webhooks.flush();
        audit.record("DELETE", COLLECTION, webhook.id, null);
    }

    /** A new secret; the old one keeps signing beside it for {@link #ROTATION_OVERLAP}. */
    @Transactional
    public WebhookSecret rotate(String id) {
        Webhook webhook = find(id);
        Instant until = Instant.now().plus(ROTATION_OVERLAP).truncatedTo(ChronoUnit.SECONDS);
        webhook.previousSecret = webhook.secret;
        webhook.previousSecretUntil = until;
        webhook.secret = newSecret();
        webhooks.flush();
        audit.record("ROTATE_SECRET", COLLECTION, webhook.id, null);
        return new WebhookSecret(webhook.secret, until);
    }

    /** Queues a {@code webhook.ping} to the endpoint and answers its delivery. */
    @Transactional
    public DeliveryResponse ping(String id) {
        Webhook webhook = find(id);
        requireEnabled(webhook);
        long delivery = events.ping(webhook.id);
        return deliveries.page(webhook.id, null, delivery, 0, 1).get(0);
    }

    @Transactional
    public Paged<DeliveryResponse> deliveries(String id, DeliveryQuery query) {
        query.validate();
        Webhook webhook = find(id);
        int page = query.pageNumber();
        int size = query.pageSize();
        String state = query.state();
        List<DeliveryResponse> items = deliveries.page(webhook.id, state, null, page, size);
        return Paged.of(items, page, size, () -> deliveries.count(webhook.id, state));
    }

    /** Makes a delivery due now again: after its last attempt failed, or to send a delivered one once more. */
    @Transactional
    public DeliveryResponse retry(String id, String deliveryId) {
        Webhook webhook = find(id);
        long delivery = Ids.parse(deliveryId).orElseThrow(() -> new ResourceNotFoundException("delivery", deliveryId));
        requireEnabled(webhook);
        boolean leased = deliveries.lockForRetry(webhook.id, delivery)
                .orElseThrow(() -> new ResourceNotFoundException("delivery", deliveryId));
        if (leased) {
            throw new ConflictException("Delivery " + delivery + " is being attempted right now; look again in a moment");
        }
        deliveries.makeDue(delivery);
        audit.record("RETRY_DELIVERY", COLLECTION, webhook.id, null);
        events.wakeAfterCommit();
        return deliveries.page(webhook.id, null, delivery, 0, 1).get(0);
    }

    private static void requireEnabled(Webhook webhook) {
        if (!webhook.enabled) {
            throw new ConflictException("Webhook " + webhook.id + " is disabled"
                    + (webhook.disabledReason == null ? "" : " (" + webhook.disabledReason + ")")
                    + "; enable it with PATCH {\"enabled\": true} first");
        }
    }

    private Webhook find(String id) {
        return Ids.parse(id).flatMap(webhooks::findByIdOptional)
                .orElseThrow(() -> new ResourceNotFoundException("webhook", id));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** whsec_ and the base64 of 32 random bytes, as Standard Webhooks keys are written. */
    private static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
