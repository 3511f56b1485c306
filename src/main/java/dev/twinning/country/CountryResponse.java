package dev.twinning.country;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A country that has cities, with how many: the choices of the city list's country filter. */
@Schema(name = "Country")
public record CountryResponse(
        @Schema(required = true, description = "ISO 3166-1 alpha-2 code", example = "CN") String code,
        @Schema(required = true, example = "China") String name,
        @Schema(required = true, description = "Number of cities in this country", example = "7") long cities) {
}
