package dev.twinning.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.twinning.common.error.InputErrors;
import dev.twinning.common.error.InvalidInputException;
import dev.twinning.common.paging.NewestFirstQuery;
import dev.twinning.common.query.QueryParams;

/** Filters and paging of {@code GET /api/v1/audit}; the order is always newest first. */
public class AuditQuery extends NewestFirstQuery {

    private static final String DATE_OR_INSTANT = "must be a date (2026-05-01) or an instant (2026-05-01T09:30:00Z)";

    @QueryParam("user")
    @Parameter(description = "Only entries of this user (case-insensitive); system for start-up and scheduled work",
            example = "admin")
    public String user;

    @QueryParam("collection")
    @Parameter(description = "Only entries about this collection", schema = @Schema(type = SchemaType.STRING,
            enumeration = {"cities", "agreements", "signatories", "pages", "media", "users", "tokens", "webhooks"}))
    public String collection;

    @QueryParam("action")
    @Parameter(description = "Only entries of this action, in upper case (CREATE, UPDATE, DELETE, PUBLISH, IMPORT, ...)",
            example = "DELETE")
    public String action;

    @QueryParam("from")
    @Parameter(description = "Only entries at or after this instant, or from the start of this day (UTC)",
            schema = @Schema(type = SchemaType.STRING), example = "2026-05-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Only entries at or before this instant, or up to the end of this day (UTC)",
            schema = @Schema(type = SchemaType.STRING), example = "2026-05-31T23:59:59Z")
    public String to;

    /** The log has one order, newest first. */
    @Override
    protected void checkFilters() {
        filter();
    }

    public AuditFilter filter() {
        InputErrors errors = new InputErrors();
        AuditFilter filter = new AuditFilter(
                errors.attempt(() -> QueryParams.text("user", user, 100)),
                errors.attempt(() -> collection(collection)),
                errors.attempt(() -> action(action)),
                errors.attempt(() -> bound("from", from, false)),
                errors.attempt(() -> bound("to", to, true)));
        if (filter.from() != null && filter.before() != null && !filter.from().isBefore(filter.before())) {
            errors.add("from", "must not be after to");
        }
        errors.throwIfAny();
        return filter;
    }

    private static String collection(String raw) {
        String value = QueryParams.text("collection", raw, 40);
        if (value == null) {
            return null;
        }
        String name = value.toLowerCase(Locale.ROOT);
        if (!AuditLog.COLLECTIONS.contains(name)) {
            throw new InvalidInputException("collection", "must be one of " + String.join(", ", AuditLog.COLLECTIONS));
        }
        return name;
    }

    private static String action(String raw) {
        String value = QueryParams.text("action", raw, AuditLog.MAX_ACTION_LENGTH);
        if (value != null && !AuditLog.ACTION.matcher(value).matches()) {
            throw new InvalidInputException("action", "must be an action in upper case, such as UPDATE or PUBLISH");
        }
        return value;
    }

    /**
     * The instant a bound stands for: the instant given, or a day's start (UTC). An upper bound is returned as
     * the first instant after it (timestamps have microseconds), or the next day's start, so that it excludes.
     */
    private static Instant bound(String name, String raw, boolean upper) {
        String value = QueryParams.text(name, raw, 40);
        if (value == null) {
            return null;
        }
        try {
            if (value.indexOf('T') < 0) {
                LocalDate day = LocalDate.parse(value);
                if (isPlausible(day.getYear())) {
                    return (upper ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
            } else {
                Instant instant = Instant.parse(value);
                if (isPlausible(instant.atOffset(ZoneOffset.UTC).getYear())) {
                    return upper ? instant.truncatedTo(ChronoUnit.MICROS).plus(1, ChronoUnit.MICROS) : instant;
                }
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidInputException(name, DATE_OR_INSTANT);
    }

    private static boolean isPlausible(int year) {
        return year >= 1 && year <= 9999;
    }
}
