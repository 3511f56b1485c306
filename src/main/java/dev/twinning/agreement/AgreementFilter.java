package dev.twinning.agreement;

import java.time.LocalDate;

/** The optional filters of the agreement list, already parsed. */
public record AgreementFilter(String country, AgreementType type, AgreementStatus status,
        LocalDate establishedFrom, LocalDate establishedTo) {
}
