package dev.twinning.common.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.twinning.common.error.InvalidInputException;

/** Parses optional query parameters, answering a bad value with a 400 that names the parameter. */
public final class QueryParams {

    private static final Set<String> COUNTRY_CODES = Set.of(Locale.getISOCountries());

    private QueryParams() {
    }

    public static String countryCode(String name, String raw) {
        if (isAbsent(raw)) {
            return null;
        }
        String code = raw.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRY_CODES.contains(code)) {
            throw new InvalidInputException(name, "must be an ISO 3166-1 alpha-2 country code such as CN");
        }
        return code;
    }

    public static <E extends Enum<E>> E enumValue(String name, String raw, Class<E> type) {
        if (isAbsent(raw)) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new InvalidInputException(name, "must be one of " + allowed);
        }
    }

    public static LocalDate date(String name, String raw) {
        if (isAbsent(raw)) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(raw.trim());
            if (date.getYear() >= 1 && date.getYear() <= 9999) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new InvalidInputException(name, "must be a real date in the form YYYY-MM-DD");
    }

    public static String text(String name, String raw, int maxLength) {
        if (isAbsent(raw)) {
            return null;
        }
        if (raw.indexOf('\0') >= 0) {
            throw new InvalidInputException(name, "must not contain the NUL character");
        }
        if (raw.length() > maxLength) {
            throw new InvalidInputException(name, "must be at most " + maxLength + " characters");
        }
        return raw.trim();
    }

    private static boolean isAbsent(String raw) {
        return raw == null || raw.isBlank();
    }
}
