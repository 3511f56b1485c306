package dev.twinning.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body that creates a staff account. */
@Schema(name = "NewUser")
public record NewUser(
        @Schema(required = true, example = "editor.kim") @NotBlank @Pattern(regexp = NewUser.USERNAME_PATTERN,
                message = "must be 3 to 100 letters, digits or . _ @ -") String username,
        @Schema(required = true, example = "correct horse battery staple") @NotNull @Size(min = 12, max = 72,
                message = "must be between 12 and 72 characters") String password,
        @Schema(required = true, example = "EDITOR") @NotNull Role role) {

    static final String USERNAME_PATTERN = "[A-Za-z0-9._@-]{3,100}";
}
