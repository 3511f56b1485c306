package dev.twinning.token;

import io.quarkus.security.identity.SecurityIdentity;

/** How an identity that an API token established is told apart from a login's. */
public final class ApiTokenIdentities {

    /** The identity attribute holding the token's id. */
    static final String TOKEN_ID = "twinning.api-token-id";

    private ApiTokenIdentities() {
    }

    public static boolean isToken(SecurityIdentity identity) {
        return identity != null && identity.getAttribute(TOKEN_ID) != null;
    }
}
