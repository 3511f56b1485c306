package dev.twinning.common.paging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.twinning.common.error.InvalidParameterException;

/**
 * Turns a `sort` parameter such as {@code name} or {@code country,-population} into an HQL order-by
 * clause over the fields a list allows. Empty values sort last in both directions, and the entity id
 * breaks ties so that pages never overlap.
 */
public final class Sorting {

    private Sorting() {
    }

    public static String orderBy(String sort, String defaultSort, Map<String, String> fields, String idPath) {
        String requested = sort == null || sort.isBlank() ? defaultSort : sort;
        List<String> terms = new ArrayList<>();
        for (String raw : requested.split(",")) {
            String key = raw.trim();
            boolean descending = key.startsWith("-");
            if (descending) {
                key = key.substring(1);
            }
            String path = fields.get(key);
            if (path == null) {
                throw new InvalidParameterException("sort",
                        "unknown sort field '" + raw.trim() + "'; use one of "
                                + String.join(", ", new TreeSet<>(fields.keySet()))
                                + ", each optionally prefixed with '-' for descending order");
            }
            terms.add(path + (descending ? " desc" : " asc") + " nulls last");
        }
        terms.add(idPath + " asc");
        return " order by " + String.join(", ", terms);
    }
}
