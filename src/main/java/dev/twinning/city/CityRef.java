package dev.twinning.city;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.twinning.common.i18n.ContentLocale;
import dev.twinning.common.i18n.LocalizedText;

/** The few fields that name a city where another resource points at it. */
@Schema(name = "CityRef")
public record CityRef(
        @Schema(required = true, example = "2") long id,
        @Schema(required = true, example = "harbin") String slug,
        @Schema(required = true, example = "Harbin") String name,
        @Schema(required = true, example = "CN") String country,
        @Schema(required = true, description = "The locale of this object's text (the one the request asked for)",
                example = "ko") String locale,
        @Schema(required = true, description = "Fields whose text came from another locale, with that locale; set lang on them",
                example = "{\"description\": \"en\"}") Map<String, String> fallbacks) {

    public static CityRef from(City city, ContentLocale locale) {
        LocalizedText text = City.TEXT.localize(city, locale);
        return new CityRef(city.id, city.slug, text.get("name"), city.country, text.locale(), text.fallbacks());
    }
}
