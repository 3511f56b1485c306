package dev.twinning.user;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A staff account without its password hash. */
@Schema(name = "User")
public record UserResponse(
        @Schema(required = true, example = "3") long id,
        @Schema(required = true, example = "editor.kim") String username,
        @Schema(required = true) Role role,
        @Schema(required = true, description = "Disabled users cannot log in") boolean enabled,
        @Schema(required = true, description = "LOCAL: logs in with a password; SSO: signs in through the city's"
                + " identity provider (recorded on first sign-in, role taken from its token)") User.Source source,
        @Schema(required = true, example = "0") long version,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, example = "admin") String createdBy,
        @Schema(required = true, example = "admin") String updatedBy) {

    static UserResponse from(User user) {
        return new UserResponse(user.id, user.username, user.role, user.enabled, user.source, user.version, user.createdAt,
                user.updatedAt, user.createdBy, user.updatedBy);
    }
}
