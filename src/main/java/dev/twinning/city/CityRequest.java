package dev.twinning.city;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.twinning.common.validation.CountryCode;
import dev.twinning.common.validation.HttpUrl;
import dev.twinning.common.validation.Slug;
import dev.twinning.media.ImageRequest;

/** The writable fields of a city (POST, PUT, and the fields a merge patch may touch). */
@Schema(name = "CityRequest")
public record CityRequest(
        @Schema(description = "URL key; derived from the name on create when absent, kept on update when absent",
                example = "gdansk") @Slug String slug,
        @Schema(required = true, description = "English name", example = "Gdańsk") @NotBlank @Size(max = 200) String name,
        @Schema(example = "Gdańsk") @Size(max = 200) String nativeName,
        @Schema(description = "Other names and spellings, found by q (at most 20, each at most 100 characters)",
                example = "[\"Danzig\"]") @Size(max = 20) List<@NotBlank @Size(max = 100) String> aliases,
        @Schema(example = "Pomeranian Voivodeship") @Size(max = 200) String region,
        @Schema(required = true, description = "ISO 3166-1 alpha-2 code, upper case",
                example = "PL") @NotNull @CountryCode String country,
        @Schema(description = "Inhabitants (persons)", example = "486000") @PositiveOrZero Long population,
        @Schema(example = "2023") @Min(1000) @Max(9999) Integer populationYear,
        @Schema(example = "262.2") @PositiveOrZero @Digits(integer = 10, fraction = 2,
                message = "must have at most 10 digits and 2 decimals") BigDecimal areaKm2,
        @Schema(example = "8.5") @DecimalMin("-90") @DecimalMax("60") @Digits(integer = 3,
                fraction = 2) BigDecimal averageTemperatureC,
        @Schema(example = "On the Baltic coast") @Size(max = 500) String location,
        @Schema(example = "A Hanseatic port city.") @Size(max = 20000) String description,
        @Schema(example = "Shipbuilding, amber and the Solidarity movement") @Size(max = 20000) String regionalFeatures,
        @Schema(example = "https://www.gdansk.pl") @Size(max = 2000) @HttpUrl String website,
        @Schema(example = "54.352") @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 2, fraction = 6,
                message = "must have at most 6 decimals") BigDecimal latitude,
        @Schema(example = "18.6466") @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3,
                fraction = 6) BigDecimal longitude,
        @Schema(description = "Images to show, in order, each an uploaded image's id and its role (at most 20)",
                example = "[{\"mediaId\": 7, \"role\": \"PHOTO\"}]") @Size(
                        max = 20) List<@NotNull @Valid ImageRequest> images,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                description = "In a dataset only: false keeps the record a draft; absent or true publishes it") Boolean published) {

    public static CityRequest from(City city) {
        return new CityRequest(city.slug, city.name, city.nativeName, List.copyOf(city.aliases), city.region, city.country,
                city.population,
                city.populationYear, city.areaKm2, city.averageTemperatureC, city.location, city.description,
                city.regionalFeatures, city.website, city.latitude, city.longitude,
                city.images.stream().map(ImageRequest::from).toList(), null);
    }

    /** The city as a dataset lists it, with whether it is published. */
    public static CityRequest inDataset(City city, boolean published) {
        CityRequest own = from(city);
        return new CityRequest(own.slug(), own.name(), own.nativeName(), own.aliases(), own.region(), own.country(),
                own.population(), own.populationYear(), own.areaKm2(), own.averageTemperatureC(), own.location(),
                own.description(), own.regionalFeatures(), own.website(), own.latitude(), own.longitude(), own.images(),
                published);
    }

    public void applyTo(City city) {
        if (slug != null) {
            city.slug = slug;
        }
        city.name = name.trim();
        city.nativeName = nativeName;
        List<String> names = aliases == null
                ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(aliases.stream().map(String::trim).toList()));
        if (!names.equals(city.aliases)) {
            city.aliases = names;
        }
        city.region = region;
        city.country = country;
        city.population = population;
        city.populationYear = populationYear;
        city.areaKm2 = sameOrNew(city.areaKm2, areaKm2);
        city.averageTemperatureC = sameOrNew(city.averageTemperatureC, averageTemperatureC);
        city.location = location;
        city.description = description;
        city.regionalFeatures = regionalFeatures;
        city.website = website;
        city.latitude = sameOrNew(city.latitude, latitude);
        city.longitude = sameOrNew(city.longitude, longitude);
    }

    /** Keeps the stored number when the new one only differs in scale (5.40 vs 5.4), so nothing looks changed. */
    private static BigDecimal sameOrNew(BigDecimal current, BigDecimal next) {
        return current != null && next != null && current.compareTo(next) == 0 ? current : next;
    }
}
