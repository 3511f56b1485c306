package dev.twinning.token;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.spi.runtime.BlockingSecurityExecutor;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import dev.twinning.common.error.TooManyRequestsException;
import dev.twinning.user.LoginFailures;

/**
 * {@code Authorization: Bearer twn_…}. It runs before single sign-on's Bearer mechanism and takes only tokens with
 * the API token prefix, leaving every other Bearer value (a JWT) to OIDC, so the two share the header without
 * either seeing the other's credentials.
 */
@ApplicationScoped
public class ApiTokenAuthentication implements HttpAuthenticationMechanism {

    private static final String SCHEME = "bearer ";
    static final String CHALLENGE = "Bearer realm=\"Twinning\"";

    private final LoginFailures failures;
    private final BlockingSecurityExecutor blocking;

    public ApiTokenAuthentication(LoginFailures failures, BlockingSecurityExecutor blocking) {
        this.failures = failures;
        this.blocking = blocking;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Optional<String> token = token(context.request().getHeader(HttpHeaderNames.AUTHORIZATION));
        if (token.isEmpty()) {
            return Uni.createFrom().optional(Optional.empty());
        }
        context.put(HttpAuthenticationMechanism.class.getName(), this);
        String address = context.request().remoteAddress().hostAddress();
        ApiTokenRequest request = new ApiTokenRequest(token.get());
        // A wrong token counts against its address like a failed login; past the limit the answer is 429. A valid
        // token is never held up by others' failures from the same address.
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(request, context))
                .onFailure(AuthenticationFailedException.class)
                .recoverWithUni(failure -> blocking.executeBlocking(() -> failures.wrongTokenFrom(address))
                        .flatMap(wait -> Uni.createFrom().failure(wait.isPresent()
                                ? new TooManyRequestsException(
                                        "Too many wrong API tokens from this address; try again later",
                                        wait.getAsLong())
                                : failure)));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE,
                CHALLENGE + ", error=\"invalid_token\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiTokenRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }

    /** Before Basic and before OIDC, which would otherwise try to read an API token as a JWT. */
    @Override
    public int getPriority() {
        return BasicAuthenticationMechanism.PRIORITY + 2;
    }

    /** The token of a Bearer header that carries an API token (by its prefix), else empty. */
    static Optional<String> token(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String value = authorization.substring(SCHEME.length()).trim();
        return value.startsWith(ApiTokenSecret.PREFIX) ? Optional.of(value) : Optional.empty();
    }
}
