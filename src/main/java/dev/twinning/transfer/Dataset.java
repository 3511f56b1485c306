package dev.twinning.transfer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import dev.twinning.agreement.AgreementStatus;
import dev.twinning.agreement.AgreementType;
import dev.twinning.city.CityRequest;
import dev.twinning.common.validation.Slug;
import dev.twinning.media.ImageRequest;
import dev.twinning.survey.Rating;

/**
 * A whole dataset as one JSON document: what export writes, import reads and the shipped seed is. Cities
 * are referenced by slug and pages by key; signatories and agreements by a {@code ref} that only has
 * meaning inside the document.
 */
@Schema(name = "Dataset")
public record Dataset(
        @Schema(required = true) @NotNull @Size(max = 100_000) List<@NotNull @Valid CityRequest> cities,
        @Schema(required = true) @NotNull @Size(max = 100_000) List<@NotNull @Valid SignatoryEntry> signatories,
        @Schema(required = true) @NotNull @Size(max = 100_000) List<@NotNull @Valid AgreementEntry> agreements,
        @Schema(required = true) @NotNull @Size(max = 10_000) List<@NotNull @Valid PageEntry> pages,
        @Schema(description = "Text in the locales other than the default, by collection (cities, signatories, pages), then by "
                + "the record's slug, ref or key, then by locale: {\"cities\": {\"weihai\": {\"ko\": {\"name\": \"웨이하이\"}}}}. "
                + "When present, every record of the document gets exactly the translations listed here (none if absent); "
                + "when left out, translations already stored are kept.") Map<String, Map<String, Map<String, JsonNode>>> translations) {

    @Schema(name = "DatasetSignatory")
    public record SignatoryEntry(
            @Schema(required = true, example = "lee-hae-seon") @NotBlank @Size(max = 100) String ref,
            @Schema(required = true, example = "Lee Hae-seon") @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String nativeName,
            @Schema(example = "Mayor") @Size(max = 200) String title,
            @Schema(required = true, description = "Slug of the city whose office the person held",
                    example = "bucheon") @NotBlank String city,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                    description = "In a dataset only: false keeps the record a draft; absent or true publishes it") Boolean published) {
    }

    @Schema(name = "DatasetAgreement")
    public record AgreementEntry(
            @Schema(required = true, example = "harbin") @NotBlank @Size(max = 100) String ref,
            @Schema(required = true, description = "Home city slug", example = "bucheon") @NotBlank String homeCity,
            @Schema(required = true, description = "Partner city slug", example = "harbin") @NotBlank String partnerCity,
            @Schema(required = true) @NotNull AgreementType type,
            AgreementStatus status,
            LocalDate establishedOn,
            @Size(max = 20000) String notes,
            @Schema(description = "Signatory refs, home side first") @Size(max = 50) List<@NotBlank String> signatories,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                    description = "In a dataset only: false keeps the record a draft; absent or true publishes it") Boolean published) {
    }

    @Schema(name = "DatasetPage")
    public record PageEntry(
            @Schema(required = true, example = "friendship-cities") @NotBlank @Slug String key,
            @Schema(required = true, example = "Friendship Cities") @NotBlank @Size(max = 200) String title,
            @Size(max = 20000) String body,
            @Schema(description = "Agreement refs, in page order") @Size(max = 500) List<@NotBlank String> agreements,
            @Schema(description = "Vote counts per rating; imported only with a page the import creates") Map<@NotNull Rating, @NotNull @PositiveOrZero Integer> votes,
            @Schema(description = "Images shown, by media id (the images themselves are not part of a dataset)") @Size(
                    max = 20) List<@NotNull @Valid ImageRequest> images,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                    description = "In a dataset only: false keeps the record a draft; absent or true publishes it") Boolean published) {
    }
}
