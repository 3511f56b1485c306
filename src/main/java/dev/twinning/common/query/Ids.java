package dev.twinning.common.query;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the numeric ids that appear in paths; anything else in an id position matches nothing. */
public final class Ids {

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

    private Ids() {
    }

    public static Optional<Long> parse(String text) {
        return text != null && ID.matcher(text).matches() ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }
}
