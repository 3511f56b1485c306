package dev.twinning.signatory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.twinning.city.CityRef;
import dev.twinning.common.i18n.ContentLocale;
import dev.twinning.common.i18n.LocalizedText;
import dev.twinning.content.PublicationView;

/** A signatory; a single signatory also lists the agreements the person signed. */
@Schema(name = "Signatory")
public record SignatoryResponse(
        @Schema(required = true, example = "2") long id,
        @Schema(required = true, description = "Romanised name as published", example = "Won Hae-yeong") String name,
        @Schema(required = true, nullable = true, example = "汪光燾") String nativeName,
        @Schema(required = true, nullable = true, example = "Mayor") String title,
        @Schema(required = true, description = "The city whose office the person held") CityRef city,
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
                description = "Agreements this person signed (single-signatory responses only)") List<SignedAgreement> agreements) {

    public static SignatoryResponse from(Signatory signatory, ContentLocale locale) {
        return withAgreements(signatory, locale, null);
    }

    public static SignatoryResponse withAgreements(Signatory signatory, ContentLocale locale,
            List<SignedAgreement> agreements) {
        LocalizedText text = Signatory.TEXT.localize(signatory, locale);
        return new SignatoryResponse(signatory.id, text.get("name"), signatory.nativeName, text.get("title"),
                CityRef.from(signatory.city, locale), text.locale(), text.fallbacks(), signatory.version, signatory.createdAt,
                signatory.updatedAt, signatory.createdBy,
                signatory.updatedBy, signatory.publication().publishedAt,
                PublicationView.of(signatory.publication(), signatory.version), agreements);
    }
}
