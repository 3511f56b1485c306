package dev.twinning.city;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.twinning.agreement.AgreementResponse;
import dev.twinning.common.i18n.ContentLocale;
import dev.twinning.common.i18n.LocalizedText;
import dev.twinning.content.PublicationView;
import dev.twinning.media.ImageResponse;

/**
 * A city as clients see it. Lists and embedded partner cities leave out {@code agreements}; a single city
 * carries the agreements it is a party to.
 */
@Schema(name = "City")
public record CityResponse(
        @Schema(required = true, example = "2") long id,
        @Schema(required = true, example = "harbin") String slug,
        @Schema(required = true, description = "Name in the requested locale", example = "Harbin") String name,
        @Schema(required = true, nullable = true, description = "Name in the city's own script",
                example = "黑龍江省哈爾濱市") String nativeName,
        @Schema(required = true, description = "Other names and spellings", example = "[\"Weihei\"]") List<String> aliases,
        @Schema(required = true, nullable = true, description = "Province or state", example = "Heilongjiang") String region,
        @Schema(required = true, description = "ISO 3166-1 alpha-2 code", example = "CN") String country,
        @Schema(required = true, nullable = true, description = "Inhabitants (persons)", example = "9910000") Long population,
        @Schema(required = true, nullable = true, description = "Year the population figure refers to") Integer populationYear,
        @Schema(required = true, nullable = true, example = "12980.0") Double areaKm2,
        @Schema(required = true, nullable = true, example = "5.4") Double averageTemperatureC,
        @Schema(required = true, nullable = true, example = "300km away from Shanghai, China") String location,
        @Schema(required = true, nullable = true) String description,
        @Schema(required = true, nullable = true) String regionalFeatures,
        @Schema(required = true, nullable = true, example = "https://www.example.org") String website,
        @Schema(required = true, nullable = true) Double latitude,
        @Schema(required = true, nullable = true) Double longitude,
        @Schema(required = true,
                description = "Images shown, in order, with their sizes and texts in the requested locale") List<ImageResponse> images,
        @Schema(required = true, description = "The locale of this object's text (the one the request asked for)",
                example = "ko") String locale,
        @Schema(required = true, description = "Fields whose text came from another locale, with that locale; set lang on them",
                example = "{\"description\": \"en\"}") Map<String, String> fallbacks,
        @Schema(required = true, example = "0") long version,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, description = "User who created it; system for seeded data",
                example = "admin") String createdBy,
        @Schema(required = true, description = "User who changed it last", example = "admin") String updatedBy,
        @Schema(required = true, nullable = true,
                description = "When the public version was published; null while unpublished") Instant publishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                description = "Where the working copy stands (previews and staff writes only)") PublicationView publication,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                description = "Agreements this city is a party to (single-city responses only)") List<AgreementResponse> agreements) {

    public static CityResponse from(City city, ContentLocale locale) {
        return withAgreements(city, locale, null);
    }

    public static CityResponse withAgreements(City city, ContentLocale locale, List<AgreementResponse> agreements) {
        LocalizedText text = City.TEXT.localize(city, locale);
        return new CityResponse(city.id, city.slug, text.get("name"), city.nativeName, List.copyOf(city.aliases),
                text.get("region"), city.country, city.population, city.populationYear, toDouble(city.areaKm2),
                toDouble(city.averageTemperatureC), text.get("location"), text.get("description"),
                text.get("regionalFeatures"), city.website, toDouble(city.latitude), toDouble(city.longitude),
                ImageResponse.of(city.images, locale), text.locale(), text.fallbacks(), city.version, city.createdAt,
                city.updatedAt, city.createdBy, city.updatedBy, city.publication().publishedAt,
                PublicationView.of(city.publication(), city.version),
                agreements);
    }

    private static Double toDouble(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }
}
