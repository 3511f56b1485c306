package dev.twinning.common.paging;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One page of a list, with the total number of matching items. */
public record Paged<T>(
        @Schema(required = true) List<T> items,
        @Schema(required = true, description = "Page number, 0-based", example = "0") int page,
        @Schema(required = true, description = "Requested page size", example = "20") int size,
        @Schema(required = true, description = "Items matching the filters, on all pages", example = "16") long total,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                description = "With keyset paging (after): the after value of the next page; absent on the last page",
                example = "20") Long next) {

    public Paged(List<T> items, int page, int size, long total) {
        this(items, page, size, total, null);
    }

    /**
     * A page of a list, counting all matches with a statement of its own only when the page cannot tell: a page
     * that is not full is the last one, so the total is what the pages before it hold plus its own items.
     */
    public static <T> Paged<T> of(List<T> items, int page, int size, LongSupplier count) {
        boolean last = items.size() < size && (!items.isEmpty() || page == 0);
        return new Paged<>(items, page, size, last ? (long) page * size + items.size() : count.getAsLong());
    }

    /** A keyset page: {@code next} is the last id when the page is full, so more may follow. */
    public static <T> Paged<T> afterCursor(List<T> items, int size, long total, Function<T, Long> id) {
        Long next = items.size() == size && !items.isEmpty() ? id.apply(items.get(items.size() - 1)) : null;
        return new Paged<>(items, 0, size, total, next);
    }
}
