package dev.twinning.webhook;

import java.util.List;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partial change to an endpoint: only the fields present change. */
@Schema(name = "WebhookChange")
public record WebhookChange(
        @Schema(description = "A new http or https URL", example = "https://build.bucheon.example/hooks/twinning") String url,
        @Schema(description = "The event types to receive, replacing the list", example = "[\"*\"]") List<String> events,
        @Schema(description = "What the endpoint is for") @Size(max = 500,
                message = "must be at most 500 characters") String description,
        @Schema(description = "false stops deliveries: changes meanwhile are not queued for the endpoint, and"
                + " pending deliveries wait; true resumes them, also after a 410 disabled it",
                example = "true") Boolean enabled) {
}
