package dev.twinning.user;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.spi.runtime.BlockingSecurityExecutor;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import dev.twinning.common.error.TooManyRequestsException;

/**
 * HTTP Basic with brute-force protection: before the password is checked, a user or client address with too
 * many recent failures gets 429 with Retry-After. The check and the count are one locked step ({@link
 * LoginFailures#begin}), so that parallel guesses cannot pass the limit. Credentials proven correct in the last
 * minutes ({@link ProvenLogins}) are no guesses and skip the throttle, so that one user's parallel requests are
 * not capped by it. The client address is the
 * one Quarkus resolves, which honours X-Forwarded-For only from configured trusted proxies.
 */
@ApplicationScoped
public class ThrottledBasicAuthentication implements HttpAuthenticationMechanism {

    private static final String PREFIX = "basic ";
    private static final Logger LOG = Logger.getLogger(ThrottledBasicAuthentication.class);

    private final BasicAuthenticationMechanism basic = new BasicAuthenticationMechanism("Twinning", false);
    private final LoginFailures failures;
    private final ProvenLogins proven;
    private final BlockingSecurityExecutor blocking;

    public ThrottledBasicAuthentication(LoginFailures failures, ProvenLogins proven, BlockingSecurityExecutor blocking) {
        this.failures = failures;
        this.proven = proven;
        this.blocking = blocking;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Optional<UsernamePasswordAuthenticationRequest> credentials = credentials(
                context.request().getHeader("Authorization"));
        if (credentials.isEmpty()) {
            return basic.authenticate(context, identities);
        }
        UsernamePasswordAuthenticationRequest request = credentials.get();
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        String address = context.request().remoteAddress().hostAddress();
        // One blocking task from the throttle check to its outcome, so that a client that hangs up while its
        // password is checked cannot leave a correct attempt counted as a failure.
        return blocking.executeBlocking(() -> check(request, address, identities));
    }

    private SecurityIdentity check(UsernamePasswordAuthenticationRequest request, String address,
            IdentityProviderManager identities) {
        if (proven.contains(request)) {
            // Correct a moment ago: no guess, so no throttle (but the password is checked all the same).
            try {
                return identities.authenticateBlocking(request);
            } catch (AuthenticationFailedException e) {
                proven.forget(request); // changed or disabled since: from now on a login like any other
            }
        }
        LoginFailures.Attempt attempt = failures.begin(request.getUsername(), address);
        if (attempt.secondsToWait().isPresent()) {
            throw new TooManyRequestsException(
                    "Too many failed logins for this user or from this address; try again later",
                    attempt.secondsToWait().getAsLong());
        }
        // The attempt already counts as a failure; only a success takes that back.
        SecurityIdentity identity = identities.authenticateBlocking(request);
        proven.remember(request);
        try {
            failures.succeeded(attempt);
        } catch (RuntimeException e) {
            // Failing to clear the count must not fail a request whose login succeeded.
            LOG.warnf("Could not clear the failed-login count of a successful login: %s", e.getClass().getSimpleName());
        }
        return identity;
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return basic.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return basic.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return basic.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return BasicAuthenticationMechanism.PRIORITY + 1;
    }

    /** The credentials of a Basic header, or empty when there are none to throttle (the check then fails as usual). */
    static Optional<UsernamePasswordAuthenticationRequest> credentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(PREFIX.length()).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0
                    ? Optional.of(new UsernamePasswordAuthenticationRequest(decoded.substring(0, colon),
                            new PasswordCredential(decoded.substring(colon + 1).toCharArray())))
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
