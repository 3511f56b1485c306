package dev.twinning.token;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

import dev.twinning.audit.AuditLog;
import dev.twinning.common.error.InvalidInputException;
import dev.twinning.common.error.ResourceNotFoundException;
import dev.twinning.common.paging.Paged;
import dev.twinning.common.query.Ids;
import dev.twinning.user.Role;
import dev.twinning.user.Scope;

/** Creating, listing and revoking API tokens, each by a logged-in user for themselves (admins: for anyone). */
@ApplicationScoped
public class ApiTokenService {

    static final String COLLECTION = "tokens";

    private final ApiTokenRepository tokens;
    private final SecurityIdentity identity;
    private final AuditLog audit;

    public ApiTokenService(ApiTokenRepository tokens, SecurityIdentity identity, AuditLog audit) {
        this.tokens = tokens;
        this.identity = identity;
        this.audit = audit;
    }

    @Transactional
    public ApiTokenResponse create(NewApiToken request) {
        Set<Scope> allowed = Scope.of(role());
        List<Scope> scopes = request.scopes().stream().distinct().sorted().toList();
        for (int i = 0; i < request.scopes().size(); i++) {
            if (!allowed.contains(request.scopes().get(i))) {
                throw new InvalidInputException("scopes[" + i + "]",
                        "is more than your role (" + role() + ") allows: a token never exceeds its owner");
            }
        }
        int days = request.expiresInDays() == null ? NewApiToken.DEFAULT_DAYS : request.expiresInDays();
        String secret = ApiTokenSecret.generate();
        ApiTokenResponse created = tokens.insert(username(), request.name().strip(),
                secret.substring(0, ApiTokenSecret.SHOWN), ApiTokenSecret.hash(secret), scopes,
                Instant.now().plus(Duration.ofDays(days)));
        audit.record("CREATE", COLLECTION, created.id(), null);
        return created.withSecret(secret);
    }

    public Paged<ApiTokenResponse> list(ApiTokenQuery query) {
        query.validate();
        if (query.everyone() && !identity.hasRole(Scope.ADMIN_NAME)) {
            throw new ForbiddenException();
        }
        String owner = query.everyone() ? null : username();
        int page = query.pageNumber();
        int size = query.pageSize();
        return Paged.of(tokens.list(owner, page, size), page, size, () -> tokens.count(owner));
    }

    /** Revokes at once. Someone else's token is a 404 unless the caller is an admin. */
    @Transactional
    public void revoke(String id) {
        long tokenId = Ids.parse(id).orElseThrow(() -> new ResourceNotFoundException("API token", id));
        String owner = identity.hasRole(Scope.ADMIN_NAME) ? null : username();
        if (!tokens.delete(tokenId, owner)) {
            throw new ResourceNotFoundException("API token", id);
        }
        audit.record("DELETE", COLLECTION, tokenId, null);
    }

    /**
     * The scopes a token holds on this request: those it was given, with what they include, that its owner's
     * current role still holds. A demoted owner's admin token loses admin at once.
     */
    static Set<Scope> effective(List<Scope> given, Role ownerRole) {
        Set<Scope> scopes = given.stream().flatMap(scope -> scope.included().stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
        scopes.retainAll(Scope.of(ownerRole));
        return scopes;
    }

    private String username() {
        return identity.getPrincipal().getName();
    }

    private Role role() {
        return identity.hasRole(Scope.ADMIN_NAME) ? Role.ADMIN : Role.EDITOR;
    }
}
