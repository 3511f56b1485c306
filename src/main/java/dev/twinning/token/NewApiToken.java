package dev.twinning.token;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.twinning.user.Scope;

/** The body that creates an API token for the logged-in user. */
@Schema(name = "NewApiToken")
public record NewApiToken(
        @Schema(required = true, description = "What the token is for", example = "survey analytics") @NotBlank @Size(
                max = 100) String name,
        @Schema(required = true, description = "content:read (previews, revisions, translations, trash),"
                + " content:write (content and media writes, publishing; includes content:read), admin (what an admin"
                + " does; includes both). At most what the owner's role allows.",
                example = "[\"content:read\"]") @NotEmpty List<@NotNull Scope> scopes,
        @Schema(description = "Days until the token expires, 1 to 366", defaultValue = "90",
                example = "90") @Min(1) @Max(366) Integer expiresInDays) {

    static final int DEFAULT_DAYS = 90;
}
