package dev.twinning.webhook;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An endpoint. Its secret is in the answer that registers it, and in no other. */
@Schema(name = "Webhook")
public record WebhookResponse(
        @Schema(required = true, example = "1") long id,
        @Schema(required = true, example = "https://build.bucheon.example/hooks/twinning") String url,
        @Schema(required = true, example = "[\"page.*\"]") List<String> events,
        @Schema(example = "Rebuild the public site") String description,
        @Schema(required = true, description = "false while paused, or after the endpoint answered 410 Gone") boolean enabled,
        @Schema(description = "Why deliveries stopped, when the endpoint disabled itself") String disabledReason,
        @Schema(required = true, example = "0") long version,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, example = "admin") String createdBy,
        @Schema(required = true, example = "admin") String updatedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Only in the answer to the registration:"
                + " whsec_ and the base64 of 32 random bytes, the Standard Webhooks signing key. Store it where the"
                + " receiver can read it; it is not shown again (rotate it to get a new one)",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwQ3Zk8lTqXyA=") String secret) {

    static WebhookResponse from(Webhook webhook) {
        return new WebhookResponse(webhook.id, webhook.url, List.of(webhook.events), webhook.description, webhook.enabled,
                webhook.disabledReason, webhook.version, webhook.createdAt, webhook.updatedAt, webhook.createdBy,
                webhook.updatedBy, null);
    }

    WebhookResponse withSecret(String secret) {
        return new WebhookResponse(id, url, events, description, enabled, disabledReason, version, createdAt, updatedAt,
                createdBy, updatedBy, secret);
    }
}
