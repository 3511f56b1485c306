package dev.twinning.token;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * An API token presented as {@code Authorization: Bearer twn_…}. Its own type, so that the OIDC provider never
 * sees it as a JWT.
 */
public final class ApiTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    ApiTokenRequest(String token) {
        this.token = token;
    }

    String token() {
        return token;
    }

    /** Never the secret: requests can end up in logs and debuggers. */
    @Override
    public String toString() {
        return "ApiTokenRequest[secret not shown]";
    }
}
