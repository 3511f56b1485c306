package dev.twinning.common.paging;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with the total number of matching items. */
public record Paged<T>(
        @Schema(required = true) List<T> items,
        @Schema(required = true, description = "Page number, 0-based", example = "0") int page,
        @Schema(required = true, description = "Requested page size", example = "20") int size,
        @Schema(required = true, description = "Items matching the filters, on all pages", example = "16") long total) {
}
