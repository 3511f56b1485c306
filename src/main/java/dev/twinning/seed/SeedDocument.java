package dev.twinning.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.twinning.agreement.AgreementStatus;
import dev.twinning.agreement.AgreementType;
import dev.twinning.survey.Rating;

/**
 * A whole dataset as one JSON document. Cities are referenced by slug, pages by key, and signatories and
 * agreements by a {@code ref} that only has meaning inside the document.
 */
public record SeedDocument(List<CitySeed> cities, List<SignatorySeed> signatories, List<AgreementSeed> agreements,
        List<PageSeed> pages) {

    public record CitySeed(String slug, String name, String nativeName, String region, String country, Long population,
            Integer populationYear, BigDecimal areaKm2, BigDecimal averageTemperatureC, String location, String description,
            String regionalFeatures, String website, BigDecimal latitude, BigDecimal longitude) {
    }

    public record SignatorySeed(String ref, String name, String nativeName, String title, String city) {
    }

    public record AgreementSeed(String ref, String homeCity, String partnerCity, AgreementType type,
            AgreementStatus status, LocalDate establishedOn, String notes, List<String> signatories) {
    }

    public record PageSeed(String key, String title, String body, List<String> agreements, Map<Rating, Integer> votes) {
    }
}
