package dev.twinning.user;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

import dev.twinning.token.ApiTokenIdentities;

/**
 * Turns every staff identity into the scopes {@code @RolesAllowed} checks. A password login holds its role's scopes;
 * a single sign-on JWT is mapped to a staff user first ({@link SingleSignOn}); an API token's identity arrives
 * already limited to its scopes and is left alone.
 */
@ApplicationScoped
public class StaffAccess implements SecurityIdentityAugmentor {

    private final SingleSignOn singleSignOn;

    public StaffAccess(SingleSignOn singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || ApiTokenIdentities.isToken(identity)) {
            return Uni.createFrom().item(identity);
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return context.runBlocking(() -> singleSignOn.admit(identity, jwt));
        }
        Role role = identity.hasRole(Role.ADMIN_NAME) ? Role.ADMIN : identity.hasRole(Role.EDITOR_NAME) ? Role.EDITOR : null;
        return Uni.createFrom().item(login(identity, identity.getPrincipal().getName(), role));
    }

    /** A login's identity: its name, its role and the role's scopes, and nothing an outside system asserted. */
    static SecurityIdentity login(SecurityIdentity source, String name, Role role) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(name))
                .addCredentials(source.getCredentials())
                .addAttributes(source.getAttributes());
        if (role != null) {
            builder.addRole(role.name()).addRole(Scope.LOGIN);
            scopes(builder, Scope.of(role));
        }
        return builder.build();
    }

    public static QuarkusSecurityIdentity.Builder scopes(QuarkusSecurityIdentity.Builder builder, Set<Scope> scopes) {
        scopes.forEach(scope -> builder.addRole(scope.value()));
        return builder;
    }
}
