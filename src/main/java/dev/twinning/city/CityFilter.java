package dev.twinning.city;

import dev.twinning.agreement.AgreementType;

/** The optional filters of the city list, already parsed. */
public record CityFilter(String country, AgreementType type, String q) {
}
