package dev.twinning.common.cache;

/** If-None-Match compares weakly (RFC 9110): a tag a proxy marked W/ after compressing still matches. */
final class Tags {

    private Tags() {
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.equals("*") || value.equals(etag) || value.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
