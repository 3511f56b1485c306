package dev.twinning.survey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.twinning.common.csv.CsvTable;

/** A page's votes per day for charts: every day of the window, days without votes included. */
@Schema(name = "DailySurvey")
public record DailySurvey(
        @Schema(required = true, example = "friendship-cities") String page,
        @Schema(required = true, example = "2026-10-24") LocalDate from,
        @Schema(required = true, example = "2026-11-22") LocalDate to,
        @Schema(required = true) List<Day> days) implements CsvTable {

    static DailySurvey of(String page, LocalDate from, LocalDate to, Map<LocalDate, Map<Rating, Long>> counts) {
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            SurveyResult result = SurveyResult.of(page, counts.getOrDefault(day, Map.of()));
            days.add(new Day(day, result.participants(), result.score(), result.counts()));
        }
        return new DailySurvey(page, from, to, days);
    }

    @Override
    public List<String> csvHeader() {
        return List.of("date", "participants", "score", "VERY_SATISFIED", "SATISFIED", "AVERAGE", "UNSATISFIED",
                "VERY_UNSATISFIED");
    }

    @Override
    public List<List<Object>> csvRows() {
        return days.stream().<List<Object>>map(d -> List.of(d.date(), d.participants(), d.score(), d.counts().verySatisfied(),
                d.counts().satisfied(), d.counts().average(), d.counts().unsatisfied(), d.counts().veryUnsatisfied())).toList();
    }

    /** One calendar day in the survey time zone. */
    @Schema(name = "SurveyDay")
    public record Day(
            @Schema(required = true, example = "2026-11-22") LocalDate date,
            @Schema(required = true, example = "3") long participants,
            @Schema(required = true, example = "5") long score,
            @Schema(required = true) RatingCounts counts) {
    }
}
