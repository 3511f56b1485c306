package dev.twinning.common.query;

import java.util.Optional;
import java.util.regex.Pattern;

import dev.twinning.common.validation.Slug;

/** Reads the ids, slugs and keys that appear in paths; anything malformed matches nothing. */
public final class Ids {

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern KEY = Pattern.compile(Slug.PATTERN);

    private Ids() {
    }

    /** Whether the text could be a slug or key at all; lookups skip the database for anything else. */
    public static boolean isKey(String text) {
        return text.length() <= 100 && KEY.matcher(text).matches();
    }

    public static Optional<Long> parse(String text) {
        return text != null && ID.matcher(text).matches() ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }
}
