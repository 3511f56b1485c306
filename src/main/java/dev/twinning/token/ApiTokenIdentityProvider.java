package dev.twinning.token;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

import dev.twinning.user.StaffAccess;

/**
 * Checks an API token: its shape and checksum first (no database work for a typo), then its hash, expiry and
 * owner. The identity acts as the owner with the token's scopes, never more than the owner's role holds now.
 */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenRequest> {

    private final ApiTokenRepository tokens;

    public ApiTokenIdentityProvider(ApiTokenRepository tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<ApiTokenRequest> getRequestType() {
        return ApiTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identify(request.token()));
    }

    private SecurityIdentity identify(String token) {
        if (!ApiTokenSecret.wellFormed(token)) {
            throw new AuthenticationFailedException();
        }
        ApiTokenRepository.Holder holder = tokens.use(ApiTokenSecret.hash(token))
                .orElseThrow(AuthenticationFailedException::new);
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(holder.username()))
                .addAttribute(ApiTokenIdentities.TOKEN_ID, holder.tokenId());
        return StaffAccess.scopes(identity, ApiTokenService.effective(holder.scopes(), holder.role())).build();
    }
}
