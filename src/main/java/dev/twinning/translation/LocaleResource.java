package dev.twinning.translation;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.twinning.common.i18n.ContentLocales;

@Path("/api/v1/locales")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Locales", description = "The languages content is written in")
public class LocaleResource {

    /** The locales in use: the default (the last fallback) and every supported one. */
    @Schema(name = "Locales")
    public record Locales(
            @JsonProperty("default") @Schema(name = "default", required = true,
                    description = "The default locale: the seed's language and every field's last fallback",
                    example = "en") String defaultLocale,
            @Schema(required = true, description = "Supported locales, the default first",
                    example = "[\"en\", \"ko\", \"zh\", \"ja\", \"ru\", \"vi\"]") List<String> items) {
    }

    private final ContentLocales locales;

    public LocaleResource(ContentLocales locales) {
        this.locales = locales;
    }

    @GET
    @Operation(operationId = "listLocales", summary = "List the locales in use",
            description = "TWINNING_LOCALES: choose one with the locale parameter or Accept-Language on any read.")
    @APIResponse(responseCode = "200", description = "The locales")
    public Locales list() {
        return new Locales(locales.defaultTag(), locales.tags());
    }
}
