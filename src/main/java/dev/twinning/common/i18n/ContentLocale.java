package dev.twinning.common.i18n;

import java.util.List;

/**
 * The locale a request is answered in: {@code tag} is the supported locale asked for, {@code chain} the
 * locales each field falls back through (the tag, its less specific supported tags, then the default).
 */
public record ContentLocale(String tag, List<String> chain, String defaultTag) {

    public boolean isDefault() {
        return tag.equals(defaultTag);
    }
}
