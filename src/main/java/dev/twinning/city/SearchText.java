package dev.twinning.city;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds text for case- and accent-insensitive matching: "Đà Nẵng" and "da nang" fold alike. */
final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private SearchText() {
    }

    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D').replace('ł', 'l').replace('Ł', 'L')
                .toLowerCase(Locale.ROOT)
                .trim();
    }

    /** A LIKE pattern matching values that contain the folded text, with wildcards in it taken literally. */
    static String containsPattern(String text) {
        String escaped = normalize(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
