package dev.twinning.user;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partial change to a staff account: only the fields present are changed. */
@Schema(name = "UserChange")
public record UserChange(
        @Schema(example = "ADMIN") Role role,
        @Schema(description = "false disables the account: it can no longer log in", example = "false") Boolean enabled,
        @Schema(description = "A new password") @Size(min = 12, max = 72,
                message = "must be between 12 and 72 characters") String password) {
}
