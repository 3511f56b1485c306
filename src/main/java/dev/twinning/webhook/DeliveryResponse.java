package dev.twinning.webhook;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event sent (or to be sent) to one endpoint, with every attempt. */
@Schema(name = "WebhookDelivery")
public record DeliveryResponse(
        @Schema(required = true, example = "42") long id,
        @Schema(required = true, example = "page.published") String event,
        @Schema(required = true, example = "1") long webhookId,
        @Schema(required = true, description = "The webhook-id header: the same on every attempt",
                example = "msg_3f0c2a9d8e7b4c1a9f6e5d4c3b2a1908") String messageId,
        @Schema(required = true, description = "PENDING until delivered (a 2xx answer) or FAILED for good") String state,
        @Schema(required = true, description = "Attempts made so far", example = "1") int attempt,
        @Schema(description = "When the latest attempt was made; null before the first") Instant at,
        @Schema(description = "The latest attempt's HTTP status; null when there was no answer",
                example = "200") Integer statusCode,
        @Schema(description = "Why the latest attempt failed", example = "HTTP 500") String error,
        @Schema(description = "How long the latest attempt took", example = "38") Integer durationMs,
        @Schema(description = "When the next attempt is due; null when none is") Instant nextAttemptAt,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, description = "The body sent, as sent") String payload,
        @Schema(required = true, description = "Every attempt, first first") List<Attempt> attempts) {

    /** One attempt. */
    @Schema(name = "WebhookAttempt")
    public record Attempt(
            @Schema(required = true, example = "1") int attempt,
            @Schema(required = true) Instant at,
            @Schema(example = "500") Integer statusCode,
            @Schema(example = "HTTP 500") String error,
            @Schema(required = true, example = "38") int durationMs) {
    }
}
