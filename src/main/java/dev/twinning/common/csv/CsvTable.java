package dev.twinning.common.csv;

import java.util.List;

/** A response that can also be written as CSV (with a header row) when the client accepts text/csv. */
public interface CsvTable {

    List<String> csvHeader();

    List<List<Object>> csvRows();
}
