package dev.twinning.common.i18n;

import java.util.Map;

/**
 * One record's translatable text in one locale: each field's text, the locale asked for, and the fields whose
 * text came from another locale ({@code {"description": "en"}}), so a front end can set {@code lang} on them.
 */
public record LocalizedText(String locale, Map<String, String> values, Map<String, String> fallbacks) {

    public String get(String field) {
        return values.get(field);
    }
}
