package dev.twinning.webhook;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body that registers an endpoint. */
@Schema(name = "NewWebhook")
public record WebhookRequest(
        @Schema(required = true, description = "An http or https URL; it must resolve to public addresses",
                example = "https://build.bucheon.example/hooks/twinning") String url,
        @Schema(required = true, description = "Event types ({collection}.{action}), a collection's wildcard"
                + " ({collection}.*) or *. Collections: city, agreement, signatory, page, media; actions: created,"
                + " updated, published, unpublished, deleted, restored",
                example = "[\"page.*\", \"city.published\"]") List<String> events,
        @Schema(description = "What the endpoint is for", example = "Rebuild the public site") @Size(max = 500,
                message = "must be at most 500 characters") String description) {
}
