package dev.twinning.common.i18n;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.twinning.common.error.InvalidInputException;

/**
 * The locales content is written in ({@code TWINNING_LOCALES}; the first is the default) and how a request
 * chooses one: the {@code locale} parameter or the {@code Accept-Language} header, both matched with the
 * RFC 4647 lookup (a tag, then ever less specific prefixes of it).
 */
@Singleton
public class ContentLocales {

    /** Distinct Accept-Language values remembered; browsers send few, so this bounds only abuse. */
    private static final int NEGOTIATED_MEMORY = 1_000;

    private final Map<String, ContentLocale> byLowerCaseTag = new LinkedHashMap<>();
    private final ContentLocale defaultLocale;
    private final String supportedList;
    private final Map<String, ContentLocale> negotiated = new ConcurrentHashMap<>();

    public ContentLocales(
            @ConfigProperty(name = "twinning.locales", defaultValue = "en,ko,zh,ja,ru,vi") List<String> configured) {
        List<String> tags = new ArrayList<>();
        for (String raw : configured) {
            String tag = canonical(raw.trim())
                    .orElseThrow(() -> new IllegalArgumentException("TWINNING_LOCALES: '" + raw + "' is not a BCP 47 tag"));
            if (tags.stream().anyMatch(tag::equalsIgnoreCase)) {
                throw new IllegalArgumentException("TWINNING_LOCALES names " + tag + " twice");
            }
            tags.add(tag);
        }
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("TWINNING_LOCALES names no locale");
        }
        String defaultTag = tags.get(0);
        for (String tag : tags) {
            List<String> chain = new ArrayList<>();
            for (String prefix : prefixes(tag)) {
                tags.stream().filter(prefix::equalsIgnoreCase).findFirst().ifPresent(chain::add);
            }
            if (!chain.contains(defaultTag)) {
                chain.add(defaultTag);
            }
            byLowerCaseTag.put(tag.toLowerCase(Locale.ROOT), new ContentLocale(tag, List.copyOf(chain), defaultTag));
        }
        this.defaultLocale = byLowerCaseTag.get(defaultTag.toLowerCase(Locale.ROOT));
        this.supportedList = String.join(", ", tags);
    }

    public ContentLocale defaultLocale() {
        return defaultLocale;
    }

    public String defaultTag() {
        return defaultLocale.tag();
    }

    /** The supported tags, the default first. */
    public List<String> tags() {
        return byLowerCaseTag.values().stream().map(ContentLocale::tag).toList();
    }

    /** A supported locale named exactly (in any case), as in a translation's path. */
    public ContentLocale exactly(String name, String raw) {
        ContentLocale locale = raw == null ? null : byLowerCaseTag.get(raw.trim().toLowerCase(Locale.ROOT));
        if (locale == null) {
            throw new InvalidInputException(name, "must be one of the supported locales: " + supportedList);
        }
        return locale;
    }

    /**
     * The locale of a request: the {@code locale} parameter when present (a malformed or unsupported one is a
     * 400 naming {@code locale}), else the best supported match of Accept-Language, else the default.
     */
    public ContentLocale resolve(String parameter, String acceptLanguage) {
        if (parameter != null && !parameter.isBlank()) {
            return lookup(parameter).orElseThrow(() -> new InvalidInputException("locale",
                    "must be a BCP 47 language tag matching a supported locale (" + supportedList + ")"));
        }
        return negotiate(acceptLanguage);
    }

    /** Like {@link #resolve}, but empty instead of an error for a bad parameter. */
    public Optional<ContentLocale> resolveQuietly(String parameter, String acceptLanguage) {
        return parameter != null && !parameter.isBlank() ? lookup(parameter) : Optional.of(negotiate(acceptLanguage));
    }

    /** Accept-Language with q-values; a header naming nothing supported (or not parsing) means the default. */
    public ContentLocale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return defaultLocale;
        }
        ContentLocale known = negotiated.get(acceptLanguage);
        if (known != null) {
            return known;
        }
        ContentLocale chosen = bestMatch(acceptLanguage);
        if (negotiated.size() >= NEGOTIATED_MEMORY) {
            negotiated.clear();
        }
        negotiated.put(acceptLanguage, chosen);
        return chosen;
    }

    private ContentLocale bestMatch(String acceptLanguage) {
        List<Locale.LanguageRange> ranges = new ArrayList<>();
        for (String part : acceptLanguage.split(",", 50)) {
            try {
                ranges.addAll(Locale.LanguageRange.parse(part));
            } catch (IllegalArgumentException e) {
                // a malformed range is skipped; the others still count
            }
        }
        ranges.sort(Comparator.comparingDouble(Locale.LanguageRange::getWeight).reversed());
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0 || range.getRange().equals("*")) {
                continue;
            }
            Optional<ContentLocale> match = matchPrefixes(range.getRange());
            if (match.isPresent()) {
                return match.get();
            }
        }
        return defaultLocale;
    }

    private Optional<ContentLocale> lookup(String raw) {
        return canonical(raw.trim()).flatMap(this::matchPrefixes);
    }

    private Optional<ContentLocale> matchPrefixes(String tag) {
        for (String prefix : prefixes(tag)) {
            ContentLocale locale = byLowerCaseTag.get(prefix.toLowerCase(Locale.ROOT));
            if (locale != null) {
                return Optional.of(locale);
            }
        }
        return Optional.empty();
    }

    /** RFC 4647 lookup order: the tag, then without its last subtag (and any singleton left before it), and so on. */
    static List<String> prefixes(String tag) {
        List<String> prefixes = new ArrayList<>();
        String current = tag;
        while (!current.isEmpty()) {
            prefixes.add(current);
            int cut = current.lastIndexOf('-');
            current = cut < 0 ? "" : current.substring(0, cut);
            int singleton = current.lastIndexOf('-');
            if (singleton >= 0 && current.length() - singleton == 2) {
                current = current.substring(0, singleton);
            }
        }
        return prefixes;
    }

    /** The tag in its canonical case ({@code zh-Hant-TW}), or empty when it is not well-formed BCP 47. */
    static Optional<String> canonical(String raw) {
        if (raw.isEmpty() || raw.length() > 64) {
            return Optional.empty();
        }
        try {
            String tag = new Locale.Builder().setLanguageTag(raw).build().toLanguageTag();
            return tag.equals("und") ? Optional.empty() : Optional.of(tag);
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }
}
