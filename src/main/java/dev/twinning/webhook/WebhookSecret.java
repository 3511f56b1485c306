package dev.twinning.webhook;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new signing secret, answered only when it is made. */
@Schema(name = "WebhookSecret")
public record WebhookSecret(
        @Schema(required = true, description = "whsec_ and the base64 of 32 random bytes, the Standard Webhooks"
                + " signing key. Shown only now", example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwQ3Zk8lTqXyA=") String secret,
        @Schema(required = true, description = "Until then deliveries carry a second signature made with the previous"
                + " secret, so receivers can switch without losing any") Instant previousSecretValidUntil) {
}
