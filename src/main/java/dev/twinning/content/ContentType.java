package dev.twinning.content;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import dev.twinning.common.audit.AuditedEntity;
import dev.twinning.common.error.InputErrors;
import dev.twinning.common.i18n.TranslatableEntity;
import dev.twinning.common.i18n.TranslatableFields;

/**
 * A content type as the editorial workflow sees it. Each type plugs in by producing one from its service;
 * publication, revisions, trash and the audit entries are then the same for all.
 *
 * @param collection the path segment, e.g. {@code cities}
 * @param singular the name of one record in messages and events, e.g. {@code city}
 * @param entity the entity class
 * @param tables where its rows are
 * @param finder a working copy by id, slug or key, or a 404
 * @param representer the working copy as its GET answers it: the ETag If-Match compares with
 * @param editable the record's own fields as PUT accepts them (a revision's content)
 * @param requestType the class of {@code editable}'s result
 * @param writer writes a validated request into the working copy (restoring a revision)
 * @param text the translations of the record, or null for a type without translatable text
 */
public record ContentType<E extends AuditedEntity & Publishable, R>(String collection, String singular, Class<E> entity,
        ContentTables tables, Function<String, E> finder, Function<E, ?> representer, Function<E, R> editable,
        Class<R> requestType, BiConsumer<E, R> writer, Text<E> text) {

    /** A type's translations, read and replaced whole. */
    public interface Text<E> {

        /** Every locale's text, the default locale first. */
        Map<String, Map<String, String>> all(E entity, List<String> locales, String defaultLocale);

        /** Replaces every non-default locale's text, validating it. */
        void replace(E entity, Map<String, JsonNode> byLocale, InputErrors errors);

        static <E extends TranslatableEntity> Text<E> of(TranslatableFields<E> fields) {
            return new Text<>() {

                @Override
                public Map<String, Map<String, String>> all(E entity, List<String> locales, String defaultLocale) {
                    return fields.all(entity, locales, defaultLocale);
                }

                @Override
                public void replace(E entity, Map<String, JsonNode> byLocale, InputErrors errors) {
                    fields.replaceTranslations(entity, byLocale, "content.translations", errors);
                }
            };
        }
    }

    E find(String idOrKey) {
        return finder.apply(idOrKey);
    }

    Object represent(E record) {
        return representer.apply(record);
    }
}
