package dev.twinning.common.i18n;

import java.util.function.Function;

/**
 * A collection whose records have translatable text, as the translation endpoints
 * ({@code /api/v1/{collection}/{idOrKey}/translations}) see it. A content type plugs in by producing one
 * from its service: {@code new TranslatableCollection<>("cities", City.TEXT, this::find, this::detail)}.
 *
 * @param collection the collection's path segment, e.g. {@code cities}
 * @param text the record type's translatable fields
 * @param finder the record named by id (or slug or key), or a 404
 * @param representer the record as its own GET answers it, in the request's locale: the ETag If-Match is
 *        compared with
 */
public record TranslatableCollection<E extends TranslatableEntity>(String collection, TranslatableFields<E> text,
        Function<String, E> finder, Function<E, ?> representer) {

    E find(String idOrKey) {
        return finder.apply(idOrKey);
    }

    Object represent(E record) {
        return representer.apply(record);
    }
}
