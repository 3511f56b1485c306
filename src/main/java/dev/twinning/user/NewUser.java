package dev.twinning.user;

import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.twinning.audit.AuditLog;

/** The body that creates a staff account. */
@Schema(name = "NewUser")
public record NewUser(
        @Schema(required = true, description = "system (in any case) is reserved for the audit log",
                example = "editor.kim") @NotBlank @Pattern(regexp = NewUser.USERNAME_PATTERN,
                        message = "must be 3 to 100 letters, digits or . _ @ -") String username,
        @Schema(required = true, example = "correct horse battery staple") @NotNull @Size(min = 12, max = 72,
                message = "must be between 12 and 72 characters") String password,
        @Schema(required = true, example = "EDITOR") @NotNull Role role) {

    static final String USERNAME_PATTERN = "[A-Za-z0-9._@-]{3,100}";
    static final String RESERVED_MESSAGE = "is reserved for work done without a user (start-up, scheduled actions)";

    /** The audit log's name for work without a user ({@link AuditLog#SYSTEM}), in any case, is nobody's username. */
    static boolean isReserved(String username) {
        return username != null && username.toLowerCase(Locale.ROOT).equals(AuditLog.SYSTEM);
    }
}
