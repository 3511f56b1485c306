package dev.twinning.signatory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.twinning.city.CityRef;

/** A signatory as embedded in an agreement. */
@Schema(name = "SignatorySummary")
public record SignatorySummary(
        @Schema(required = true, example = "4") long id,
        @Schema(required = true, description = "Romanised name as published", example = "Wang Gwnag-do") String name,
        @Schema(required = true, nullable = true, example = "汪光燾") String nativeName,
        @Schema(required = true, nullable = true, example = "Mayor") String title,
        @Schema(required = true, description = "The city whose office the person held") CityRef city) {

    public static SignatorySummary from(Signatory signatory) {
        return new SignatorySummary(signatory.id, signatory.name, signatory.nativeName, signatory.title,
                CityRef.from(signatory.city));
    }
}
