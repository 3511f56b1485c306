package dev.twinning.survey;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** How many votes each of the five ratings has, zeros included. */
@Schema(name = "RatingCounts")
@JsonPropertyOrder({"VERY_SATISFIED", "SATISFIED", "AVERAGE", "UNSATISFIED", "VERY_UNSATISFIED"})
public record RatingCounts(
        @JsonProperty("VERY_SATISFIED") @Schema(required = true, example = "10") long verySatisfied,
        @JsonProperty("SATISFIED") @Schema(required = true, example = "0") long satisfied,
        @JsonProperty("AVERAGE") @Schema(required = true, example = "0") long average,
        @JsonProperty("UNSATISFIED") @Schema(required = true, example = "0") long unsatisfied,
        @JsonProperty("VERY_UNSATISFIED") @Schema(required = true, example = "0") long veryUnsatisfied) {

    static RatingCounts of(Map<Rating, Long> counts) {
        return new RatingCounts(
                counts.getOrDefault(Rating.VERY_SATISFIED, 0L),
                counts.getOrDefault(Rating.SATISFIED, 0L),
                counts.getOrDefault(Rating.AVERAGE, 0L),
                counts.getOrDefault(Rating.UNSATISFIED, 0L),
                counts.getOrDefault(Rating.VERY_UNSATISFIED, 0L));
    }

    long participants() {
        return verySatisfied + satisfied + average + unsatisfied + veryUnsatisfied;
    }
}
