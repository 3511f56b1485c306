package dev.twinning.signatory;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.twinning.agreement.Agreement;
import dev.twinning.agreement.AgreementStatus;
import dev.twinning.agreement.AgreementType;
import dev.twinning.city.CityRef;
import dev.twinning.common.i18n.ContentLocale;

/** An agreement as listed on the person who signed it. */
@Schema(name = "SignedAgreement")
public record SignedAgreement(
        @Schema(required = true, example = "5") long id,
        @Schema(required = true) AgreementType type,
        @Schema(required = true) AgreementStatus status,
        @Schema(required = true, nullable = true, example = "2002-06-24") LocalDate establishedOn,
        @Schema(required = true) CityRef partnerCity) {

    public static SignedAgreement from(Agreement agreement, ContentLocale locale) {
        return new SignedAgreement(agreement.id, agreement.type, agreement.status, agreement.establishedOn,
                CityRef.from(agreement.partnerCity, locale));
    }
}
