package dev.twinning.signatory;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.twinning.city.CityRef;

/** A signatory; a single signatory also lists the agreements the person signed. */
@Schema(name = "Signatory")
public record SignatoryResponse(
        @Schema(required = true, example = "2") long id,
        @Schema(required = true, description = "Romanised name as published", example = "Won Hae-yeong") String name,
        @Schema(required = true, nullable = true, example = "汪光燾") String nativeName,
        @Schema(required = true, nullable = true, example = "Mayor") String title,
        @Schema(required = true, description = "The city whose office the person held") CityRef city,
        @Schema(required = true, example = "0") long version,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, description = "User who created it; system for seeded data",
                example = "admin") String createdBy,
        @Schema(required = true, description = "User who changed it last", example = "admin") String updatedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                description = "Agreements this person signed (single-signatory responses only)") List<SignedAgreement> agreements) {

    public static SignatoryResponse from(Signatory signatory) {
        return withAgreements(signatory, null);
    }

    public static SignatoryResponse withAgreements(Signatory signatory, List<SignedAgreement> agreements) {
        return new SignatoryResponse(signatory.id, signatory.name, signatory.nativeName, signatory.title,
                CityRef.from(signatory.city), signatory.version, signatory.createdAt, signatory.updatedAt, signatory.createdBy,
                signatory.updatedBy, agreements);
    }
}
