package dev.twinning.common.paging;

import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.twinning.common.error.InputErrors;
import dev.twinning.common.error.InvalidInputException;

/**
 * The paging parameters every list takes; each list's query extends it with its sort and filters. They
 * arrive as text so that a bad value gets a 400 naming the parameter instead of a conversion error.
 */
public abstract class ListQuery {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @Parameter(description = "Page number, 0-based",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    public String page;

    @QueryParam("size")
    @Parameter(description = "Items per page",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
    public String size;

    /** The raw {@code sort} parameter; each list documents its own choices. */
    public abstract String sort();

    /** The raw {@code after} cursor of lists that offer keyset paging; null for the others. */
    protected String after() {
        return null;
    }

    /**
     * The id after which a keyset page starts, when the client pages with {@code after}: items then come in
     * id order, which stays stable while items are added, and {@code next} names the following page.
     */
    public Optional<Long> afterId() {
        String raw = after();
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(raw.trim());
            if (id >= 0) {
                return Optional.of(id);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("after", "must be 0 (the start) or the next value of the previous page");
    }

    protected abstract Set<String> sortFields();

    /** Parses the list's own filters, throwing {@link InvalidInputException} for every bad one. */
    protected void checkFilters() {
    }

    /** Checks every parameter and reports all bad ones in one 400. */
    public void validate() {
        InputErrors errors = new InputErrors();
        Integer number = errors.attempt(this::pageNumber);
        Integer perPage = errors.attempt(this::pageSize);
        errors.attempt(() -> Sorting.keys(sort(), sortFields()));
        errors.run(this::checkFilters);
        Optional<Long> after = errors.attempt(this::afterId);
        if (after != null && after.isPresent() && page != null && !page.isBlank()) {
            errors.add("page", "cannot be combined with after");
        }
        if (after != null && after.isPresent() && sort() != null && !sort().isBlank()) {
            errors.add("sort", "cannot be combined with after: keyset pages come in id order");
        }
        if (number != null && perPage != null && (long) number * perPage > Integer.MAX_VALUE) {
            errors.add("page", "is too large for this page size");
        }
        errors.throwIfAny();
    }

    public int pageNumber() {
        int value = parse("page", page, 0);
        if (value < 0) {
            throw new InvalidInputException("page", "must be 0 or greater");
        }
        return value;
    }

    public int pageSize() {
        int value = parse("size", size, DEFAULT_SIZE);
        if (value < 1 || value > MAX_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_SIZE);
        }
        return value;
    }

    private static int parse(String name, String raw, int defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "must be a whole number");
        }
    }
}
