package dev.twinning.city;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The few fields that name a city where another resource points at it. */
@Schema(name = "CityRef")
public record CityRef(
        @Schema(required = true, example = "2") long id,
        @Schema(required = true, example = "harbin") String slug,
        @Schema(required = true, example = "Harbin") String name,
        @Schema(required = true, example = "CN") String country) {

    public static CityRef from(City city) {
        return new CityRef(city.id, city.slug, city.name, city.country);
    }
}
