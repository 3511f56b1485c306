package dev.twinning.signatory;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.twinning.city.CityRef;
import dev.twinning.common.i18n.ContentLocale;
import dev.twinning.common.i18n.LocalizedText;

/** A signatory as embedded in an agreement. */
@Schema(name = "SignatorySummary")
public record SignatorySummary(
        @Schema(required = true, example = "4") long id,
        @Schema(required = true, description = "Romanised name as published", example = "Wang Gwnag-do") String name,
        @Schema(required = true, nullable = true, example = "汪光燾") String nativeName,
        @Schema(required = true, nullable = true, example = "Mayor") String title,
        @Schema(required = true, description = "The city whose office the person held") CityRef city,
        @Schema(required = true, description = "The locale of this object's text (the one the request asked for)",
                example = "ko") String locale,
        @Schema(required = true, description = "Fields whose text came from another locale, with that locale; set lang on them",
                example = "{\"description\": \"en\"}") Map<String, String> fallbacks) {

    public static SignatorySummary from(Signatory signatory, ContentLocale locale) {
        LocalizedText text = Signatory.TEXT.localize(signatory, locale);
        return new SignatorySummary(signatory.id, text.get("name"), signatory.nativeName, text.get("title"),
                CityRef.from(signatory.city, locale), text.locale(), text.fallbacks());
    }
}
