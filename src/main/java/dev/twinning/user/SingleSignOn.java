package dev.twinning.user;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import dev.twinning.audit.AuditLog;

/**
 * Staff single sign-on through the city's OpenID Connect provider, off unless {@code TWINNING_OIDC_ISSUER} is set.
 * Quarkus OIDC checks a Bearer JWT's signature against the issuer's keys, its {@code iss}, {@code exp} and (when
 * configured) {@code aud}; this class supplies that configuration and then maps the token to a staff user: the
 * user is its {@code preferred_username} (else {@code sub}), recorded on first sight, with the role its roles claim
 * carries on this request.
 */
@ApplicationScoped
public class SingleSignOn implements TenantConfigResolver {

    private static final Logger LOG = Logger.getLogger(SingleSignOn.class);
    private static final Pattern USERNAME = Pattern.compile(NewUser.USERNAME_PATTERN);

    private final Optional<OidcTenantConfig> tenant;
    private final EntityManager entityManager;
    private final AuditLog audit;

    public SingleSignOn(@ConfigProperty(name = "twinning.oidc.issuer") Optional<String> issuer,
            @ConfigProperty(name = "twinning.oidc.audience") Optional<List<String>> audience,
            @ConfigProperty(name = "twinning.oidc.roles-claim", defaultValue = "groups") String rolesClaim,
            EntityManager entityManager, AuditLog audit) {
        this.tenant = issuer.filter(url -> !url.isBlank()).map(url -> tenant(url, audience, rolesClaim));
        this.entityManager = entityManager;
        this.audit = audit;
    }

    private static OidcTenantConfig tenant(String issuer, Optional<List<String>> audience, String rolesClaim) {
        var token = OidcTenantConfig.authServerUrl(issuer.replaceAll("/+$", ""))
                .tenantId("staff")
                .applicationType(ApplicationType.SERVICE)
                .roles().roleClaimPath(rolesClaim).end()
                .token();
        audience.filter(list -> !list.isEmpty()).ifPresent(token::audience);
        return token.end().build();
    }

    public boolean enabled() {
        return tenant.isPresent();
    }

    /** The staff tenant when single sign-on is configured; otherwise none, and Bearer JWTs are not accepted. */
    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        return Uni.createFrom().item(tenant.orElse(null));
    }

    /**
     * The staff identity for a verified JWT. Refused (401): a name that is not a valid username, {@code system},
     * a local (password) account's name, and a user an admin disabled. A token without the EDITOR or ADMIN role
     * is signed in with no scopes (403 on everything staff-only) and is not recorded.
     */
    @Transactional
    SecurityIdentity admit(SecurityIdentity identity, JsonWebToken jwt) {
        String name = Optional.ofNullable(jwt.<String>getClaim("preferred_username")).orElse(jwt.getSubject());
        if (name == null || !USERNAME.matcher(name).matches() || NewUser.isReserved(name)) {
            throw refused("its user name is not a valid username (3 to 100 letters, digits or . _ @ -, not system)");
        }
        Role role = identity.hasRole(Role.ADMIN_NAME)
                ? Role.ADMIN
                : identity.hasRole(Role.EDITOR_NAME) ? Role.EDITOR : null;
        Optional<Account> account = find(name);
        if (account.isEmpty() && role != null) {
            account = record(name, role);
        }
        if (account.isEmpty()) {
            return StaffAccess.login(identity, name, null);
        }
        Account user = account.get();
        if (!user.singleSignOn()) {
            throw refused("a local account has the same name");
        }
        if (!user.enabled()) {
            throw refused("an admin disabled this user");
        }
        if (role != null && role != user.role()) {
            entityManager.createNativeQuery("update users set role = :role, updated_at = now() where id = :id")
                    .setParameter("role", role.name())
                    .setParameter("id", user.id())
                    .executeUpdate();
            audit.recordAs(user.username(), "UPDATE", UserService.COLLECTION, user.id());
        }
        return StaffAccess.login(identity, user.username(), role);
    }

    private record Account(long id, String username, Role role, boolean enabled, boolean singleSignOn) {
    }

    private Optional<Account> find(String name) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select id, username, role, enabled, source = 'SSO' from users where lower(username) = lower(:name)")
                .setParameter("name", name)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Account(((Number) row[0]).longValue(), (String) row[1],
                Role.valueOf((String) row[2]), (Boolean) row[3], (Boolean) row[4]));
    }

    /** Records a user seen for the first time; a concurrent first request of the same user records it once. */
    private Optional<Account> record(String name, Role role) {
        @SuppressWarnings("unchecked")
        List<Number> ids = entityManager.createNativeQuery("""
                insert into users (username, role, source, created_by, updated_by)
                values (:name, :role, 'SSO', 'system', 'system')
                on conflict ((lower(username))) do nothing
                returning id""")
                .setParameter("name", name)
                .setParameter("role", role.name())
                .getResultList();
        if (!ids.isEmpty()) {
            audit.recordAs(AuditLog.SYSTEM, "CREATE", UserService.COLLECTION, ids.get(0).longValue());
            LOG.infof("Single sign-on: recorded new staff user %s (%s)", name, role);
        }
        return find(name);
    }

    private static AuthenticationFailedException refused(String why) {
        LOG.warnf("Single sign-on refused a valid token: %s", why);
        return new AuthenticationFailedException("Single sign-on refused: " + why);
    }
}
