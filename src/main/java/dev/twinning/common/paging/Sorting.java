package dev.twinning.common.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.twinning.common.error.InvalidInputException;

/**
 * Turns a `sort` parameter such as {@code name} or {@code country,-population} into an HQL order-by
 * clause over the fields a list allows. Empty values sort last in both directions, and the entity id
 * breaks ties so that pages never overlap.
 */
public final class Sorting {

    private Sorting() {
    }

    /** The requested sort keys, each optionally prefixed with '-'; an unknown one is a 400 naming {@code sort}. */
    public static List<String> keys(String sort, Set<String> allowed) {
        List<String> keys = new ArrayList<>();
        if (sort == null || sort.isBlank()) {
            return keys;
        }
        for (String raw : sort.split(",")) {
            String key = raw.trim();
            if (!allowed.contains(key.startsWith("-") ? key.substring(1) : key)) {
                throw new InvalidInputException("sort", "unknown sort field '" + key + "'; use one of "
                        + String.join(", ", new TreeSet<>(allowed))
                        + ", each optionally prefixed with '-' for descending order");
            }
            keys.add(key);
        }
        return keys;
    }

    public static String orderBy(String sort, String defaultSort, Map<String, String> fields, String idPath) {
        List<String> keys = keys(sort, fields.keySet());
        List<String> terms = new ArrayList<>();
        for (String key : keys.isEmpty() ? List.of(defaultSort) : keys) {
            boolean descending = key.startsWith("-");
            terms.add(fields.get(descending ? key.substring(1) : key) + (descending ? " desc" : " asc") + " nulls last");
        }
        terms.add(idPath + " asc");
        return " order by " + String.join(", ", terms);
    }
}
