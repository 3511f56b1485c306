package dev.twinning.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.twinning.city.CityResponse;
import dev.twinning.common.i18n.ContentLocale;
import dev.twinning.content.PublicationView;
import dev.twinning.signatory.SignatorySummary;

/** An agreement with both cities and its signatories embedded, enough to render it on a page. */
@Schema(name = "Agreement")
public record AgreementResponse(
        @Schema(required = true, example = "1") long id,
        @Schema(required = true, example = "SISTER_CITY") AgreementType type,
        @Schema(required = true, example = "ACTIVE") AgreementStatus status,
        @Schema(required = true, nullable = true, description = "Date of establishment; null when unknown",
                example = "1995-11-28") LocalDate establishedOn,
        @Schema(required = true, nullable = true, description = "Editorial notes, e.g. where sources disagree") String notes,
        @Schema(required = true) CityResponse homeCity,
        @Schema(required = true) CityResponse partnerCity,
        @Schema(required = true, description = "Who signed, home side first; may be empty") List<SignatorySummary> signatories,
        @Schema(required = true, example = "0") long version,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, description = "User who created it; system for seeded data",
                example = "admin") String createdBy,
        @Schema(required = true, description = "User who changed it last", example = "admin") String updatedBy,
        @Schema(required = true, nullable = true,
                description = "When the public version was published; null while unpublished") Instant publishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                description = "Where the working copy stands (previews and staff writes only)") PublicationView publication) {

    public static AgreementResponse from(Agreement agreement, ContentLocale locale) {
        return new AgreementResponse(agreement.id, agreement.type, agreement.status, agreement.establishedOn,
                agreement.notes, CityResponse.from(agreement.homeCity, locale),
                CityResponse.from(agreement.partnerCity, locale),
                agreement.signatories.stream().map(signatory -> SignatorySummary.from(signatory, locale)).toList(),
                agreement.version, agreement.createdAt, agreement.updatedAt, agreement.createdBy, agreement.updatedBy,
                agreement.publication().publishedAt, PublicationView.of(agreement.publication(), agreement.version));
    }
}
