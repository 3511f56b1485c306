package dev.twinning.common.error;

import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

/** What kind of credentials a request sent, for choosing a problem's wording; never their value. */
final class Credentials {

    private Credentials() {
    }

    /** The Authorization scheme in lower case ({@code basic}, {@code bearer}), or empty. */
    static String scheme(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return "";
        }
        int space = authorization.indexOf(' ');
        return (space < 0 ? authorization : authorization.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    static boolean isApiToken(HttpHeaders headers) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        return scheme(headers).equals("bearer") && authorization.substring(6).trim().startsWith("twn_");
    }
}
