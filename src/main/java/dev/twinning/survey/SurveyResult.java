package dev.twinning.survey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.twinning.common.csv.CsvTable;

/**
 * A page's survey aggregate. {@code score} weighs the ratings +2, +1, 0, -1, -2 (the site's "Score"
 * column); {@code mean} is on the 1-5 scale; both averages are null without participants.
 */
@Schema(name = "SurveyResult")
public record SurveyResult(
        @Schema(required = true, description = "Page key", example = "friendship-cities") String page,
        @Schema(required = true, example = "10") long participants,
        @Schema(required = true, description = "Weighted sum: +2, +1, 0, -1, -2 from Very Satisfied down",
                example = "20") long score,
        @Schema(required = true) RatingCounts counts,
        @Schema(required = true, nullable = true,
                description = "Mean rating on the 1-5 scale (Very Unsatisfied = 1), 2 decimals", example = "5.0") Double mean,
        @Schema(required = true, nullable = true,
                description = "Share of Satisfied and Very Satisfied votes in percent, 1 decimal",
                example = "100.0") Double satisfiedPercent)
        implements
            CsvTable {

    static final List<String> CSV_HEADER = List.of("page", "participants", "score", "VERY_SATISFIED", "SATISFIED", "AVERAGE",
            "UNSATISFIED", "VERY_UNSATISFIED", "mean", "satisfiedPercent");

    public static SurveyResult of(String page, Map<Rating, Long> votes) {
        RatingCounts counts = RatingCounts.of(votes);
        long participants = counts.participants();
        long score = 2 * counts.verySatisfied() + counts.satisfied() - counts.unsatisfied() - 2 * counts.veryUnsatisfied();
        if (participants == 0) {
            return new SurveyResult(page, 0, 0, counts, null, null);
        }
        double mean = 3.0 + (double) score / participants;
        double satisfied = 100.0 * (counts.verySatisfied() + counts.satisfied()) / participants;
        return new SurveyResult(page, participants, score, counts, round(mean, 2), round(satisfied, 1));
    }

    @Override
    public List<String> csvHeader() {
        return CSV_HEADER;
    }

    @Override
    public List<List<Object>> csvRows() {
        return List.of(csvRow());
    }

    List<Object> csvRow() {
        return Arrays.asList(page, participants, score, counts.verySatisfied(), counts.satisfied(), counts.average(),
                counts.unsatisfied(), counts.veryUnsatisfied(), mean, satisfiedPercent);
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
