package dev.twinning.survey;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.twinning.common.csv.CsvTable;

/** The survey aggregate of every page, ordered by page key. */
@Schema(name = "SurveyResults")
public record SurveyResults(@Schema(required = true) List<SurveyResult> items) implements CsvTable {

    @Override
    public List<String> csvHeader() {
        return SurveyResult.CSV_HEADER;
    }

    @Override
    public List<List<Object>> csvRows() {
        return items.stream().map(SurveyResult::csvRow).toList();
    }
}
