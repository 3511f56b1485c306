package dev.twinning.common.i18n;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.twinning.database.DatabaseReady;

/**
 * Sorting text by the rules of the request's language: a sort key such as {@code name} becomes the field in
 * the requested locale (falling back like the answer does), compared with PostgreSQL's ICU collation for
 * that language ({@code ko-x-icu}), or the language-neutral root collation when the server has none for it.
 */
@Singleton
public class Collations {

    private static final String ROOT = "und-x-icu";

    private final EntityManager em;
    private final ContentLocales locales;
    private volatile Map<String, String> byLocale = Map.of();

    public Collations(EntityManager em, ContentLocales locales) {
        this.em = em;
        this.locales = locales;
    }

    /** Looks up once which ICU collations the server has. */
    @Transactional
    void load(@Observes DatabaseReady ready) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("select collname from pg_collation where collprovider = 'i'").getResultList();
        Set<String> available = new HashSet<>(names);
        Map<String, String> chosen = new HashMap<>();
        for (String tag : locales.tags()) {
            ContentLocales.prefixes(tag).stream()
                    .map(prefix -> prefix + "-x-icu")
                    .filter(available::contains)
                    .findFirst()
                    .or(() -> available.contains(ROOT) ? Optional.of(ROOT) : Optional.empty())
                    .ifPresent(collation -> chosen.put(tag, collation));
        }
        byLocale = Map.copyOf(chosen);
    }

    /** The sort fields with {@code key} replaced by the entity's translatable {@code key} field in the locale. */
    public Map<String, String> localize(Map<String, String> fields, String key, String alias, ContentLocale locale) {
        return localize(fields, key, alias, key, locale);
    }

    /** The sort fields with {@code key} replaced by the translatable {@code field} of {@code alias} in the locale. */
    public Map<String, String> localize(Map<String, String> fields, String key, String alias, String field,
            ContentLocale locale) {
        Map<String, String> localized = new HashMap<>(fields);
        localized.put(key, text(alias, field, locale));
        return localized;
    }

    /** HQL for the field's text in the locale (with fallback), collated for that locale's language. */
    String text(String alias, String field, ContentLocale locale) {
        List<String> terms = new ArrayList<>();
        for (String tag : locale.chain()) {
            terms.add(tag.equals(locale.defaultTag())
                    ? alias + "." + field
                    : "cast(function('jsonb_extract_path_text', " + alias + ".translations, '" + tag + "', '" + field
                            + "') as String)");
        }
        String text = terms.size() == 1 ? terms.get(0) : "coalesce(" + String.join(", ", terms) + ")";
        String collation = byLocale.get(locale.tag());
        return collation == null ? text : "collate(" + text + " as `" + collation + "`)";
    }
}
