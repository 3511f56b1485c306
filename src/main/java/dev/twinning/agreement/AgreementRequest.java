package dev.twinning.agreement;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of an agreement; cities and signatories are referenced by id. */
@Schema(name = "AgreementRequest")
public record AgreementRequest(
        @Schema(required = true, description = "Id of the home city", example = "1") @NotNull @Positive Long homeCityId,
        @Schema(required = true, description = "Id of the partner city", example = "2") @NotNull @Positive Long partnerCityId,
        @Schema(required = true, example = "FRIENDSHIP_CITY") @NotNull AgreementType type,
        @Schema(description = "ACTIVE when absent", example = "ACTIVE") AgreementStatus status,
        @Schema(description = "Date of establishment, when known", example = "2024-05-17") LocalDate establishedOn,
        @Schema(example = "Signed during the mayor's visit.") @Size(max = 20000) String notes,
        @Schema(description = "Ids of the people who signed, home side first",
                example = "[1]") @Size(max = 50) List<@NotNull @Positive Long> signatoryIds) {

    static AgreementRequest from(Agreement agreement) {
        return new AgreementRequest(agreement.homeCity.id, agreement.partnerCity.id, agreement.type, agreement.status,
                agreement.establishedOn, agreement.notes, agreement.signatories.stream().map(s -> s.id).toList());
    }
}
