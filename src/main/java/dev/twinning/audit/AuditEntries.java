package dev.twinning.audit;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.twinning.common.csv.CsvTable;
import dev.twinning.common.paging.Paged;

/** A page of audit entries, newest first; as CSV, every entry it holds (all matching ones when asked for CSV). */
@Schema(name = "AuditEntries")
public record AuditEntries(
        @Schema(required = true) List<AuditEntryResponse> items,
        @Schema(required = true, description = "Page number, 0-based", example = "0") int page,
        @Schema(required = true, description = "Requested page size", example = "20") int size,
        @Schema(required = true, description = "Entries matching the filters, on all pages", example = "132") long total)
        implements
            CsvTable {

    static AuditEntries of(Paged<AuditEntryResponse> paged) {
        return new AuditEntries(paged.items(), paged.page(), paged.size(), paged.total());
    }

    @Override
    public List<String> csvHeader() {
        return AuditEntryResponse.CSV_HEADER;
    }

    @Override
    public List<List<Object>> csvRows() {
        return items.stream().map(AuditEntryResponse::csvRow).toList();
    }
}
