package dev.twinning.common.etag;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.core.EntityTag;

/** The optional If-Match precondition of a write: absent matches anything, as does {@code *}. */
public final class IfMatch {

    private static final IfMatch ABSENT = new IfMatch(null);

    private final List<String> tags;

    private IfMatch(List<String> tags) {
        this.tags = tags;
    }

    public static IfMatch of(String header) {
        if (header == null || header.isBlank()) {
            return ABSENT;
        }
        return new IfMatch(Arrays.stream(header.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList());
    }

    /** Throws when the client's tags do not name the current representation (strong comparison). */
    public void check(EntityTag current) {
        if (tags == null || tags.contains("*")) {
            return;
        }
        String quoted = "\"" + current.getValue() + "\"";
        if (!tags.contains(quoted)) {
            throw new PreconditionFailedException();
        }
    }
}
