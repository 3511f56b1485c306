package dev.twinning.token;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.twinning.user.Scope;

/** An API token as its owner and admins see it; the secret only in the answer that created it. */
@Schema(name = "ApiToken")
public record ApiTokenResponse(
        @Schema(required = true, example = "4") long id,
        @Schema(required = true, example = "survey analytics") String name,
        @Schema(required = true, description = "The user the token acts as", example = "editor.kim") String owner,
        @Schema(required = true,
                description = "What the token may do, never more than its owner's role allows") List<Scope> scopes,
        @Schema(required = true, description = "The token's first characters, to tell tokens apart",
                example = "twn_4fQ9xTz1") String prefix,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant expiresAt,
        @Schema(description = "When the token last authenticated a request (updated at most once a minute); null"
                + " if never") Instant lastUsedAt,
        @Schema(description = "The secret: in the answer that created the token and never again. Send it as"
                + " Authorization: Bearer <token>.",
                example = "twn_4fQ9xTz1mK3pL8vR2sW6yA0cE5gH7jN1bD4fG9hJ2kL3mN5pQ7rS8tU0vW6") @JsonInclude(JsonInclude.Include.NON_NULL) String token) {

    ApiTokenResponse withSecret(String secret) {
        return new ApiTokenResponse(id, name, owner, scopes, prefix, createdAt, expiresAt, lastUsedAt, secret);
    }
}
