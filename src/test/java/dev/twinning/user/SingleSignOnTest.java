package dev.twinning.user;

import static dev.twinning.user.Staff.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.security.PrivateKey;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import dev.twinning.hardening.DatabaseSnapshot;

/**
 * Staff single sign-on against a local identity provider ({@link OidcIssuer}): a JWT with the EDITOR or ADMIN role
 * in its groups claim acts as that user, who is recorded on first sight and named in the audit log; every part of
 * the token is checked; Basic logins and API tokens keep working beside it.
 */
@QuarkusTest
@TestProfile(SingleSignOnTest.On.class)
class SingleSignOnTest {

    public static class On implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcIssuer.class));
        }
    }

    @ConfigProperty(name = "twinning.oidc.issuer")
    String issuer;

    @ConfigProperty(name = "test.oidc.private-jwk")
    String privateJwk;

    @AfterEach
    void forget() {
        DatabaseSnapshot.forgetFailedLogins();
    }

    @Test
    void anEditorsTokenEditsContentAndIsNamedInTheAuditLog() {
        String jwt = sign(claims("kim.sso", "EDITOR"));
        String etag = bearer(jwt).get("/api/v1/cities/kobe?preview=true").then().statusCode(200).extract().header("ETag");
        bearer(jwt).header("If-Match", etag).contentType("application/merge-patch+json").body("{\"population\":1525153}")
                .patch("/api/v1/cities/kobe").then()
                .statusCode(200)
                .body("updatedBy", is("kim.sso"));
        asAdmin().get("/api/v1/audit?user=kim.sso").then()
                .statusCode(200)
                .body("items.action", hasItem("UPDATE"))
                .body("items.collection", hasItem("cities"));
        asAdmin().get("/api/v1/users?size=100").then()
                .body("items.find { it.username == 'kim.sso' }.source", is("SSO"))
                .body("items.find { it.username == 'kim.sso' }.role", is("EDITOR"));
        bearer(jwt).get("/api/v1/users").then().statusCode(403);
    }

    @Test
    void theRoleComesFromTheTokenOnEveryRequest() {
        bearer(sign(claims("lee.sso", "ADMIN"))).get("/api/v1/users").then().statusCode(200);
        bearer(sign(claims("lee.sso", "EDITOR"))).get("/api/v1/users").then().statusCode(403);
        asAdmin().get("/api/v1/users?size=100").then()
                .body("items.find { it.username == 'lee.sso' }.role", is("EDITOR"));
    }

    @Test
    void expiredWrongAudienceWrongIssuerAndWrongKeyAre401s() throws JoseException {
        long now = System.currentTimeMillis() / 1000;
        List<String> refused = List.of(
                sign(claims("park.sso", "EDITOR").issuedAt(now - 600).expiresAt(now - 300)),
                sign(claims("park.sso", "EDITOR").audience("another-app")),
                sign(claims("park.sso", "EDITOR").issuer("https://idp.example.org/realms/city")),
                sign(claims("park.sso", "EDITOR"), RsaJwkGenerator.generateJwk(2048).getRsaPrivateKey()),
                "not.a.jwt");
        for (String jwt : refused) {
            bearer(jwt).get("/api/v1/cities/kobe?preview=true").then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body(not(containsString(jwt)));
        }
        asAdmin().get("/api/v1/users?size=100").then().body("items.username", not(hasItem("park.sso")));
    }

    @Test
    void aTokenWithoutAStaffRoleMayDoNothingAndIsNotRecorded() {
        // Group names that look like scopes grant nothing: only EDITOR and ADMIN are roles.
        String jwt = sign(claims("visitor.sso", "viewers", "admin", "content:write", "login"));
        bearer(jwt).get("/api/v1/cities/kobe?preview=true").then().statusCode(403);
        bearer(jwt).get("/api/v1/users").then().statusCode(403);
        bearer(jwt).contentType("application/json").body("{\"name\":\"x\",\"scopes\":[\"content:read\"]}")
                .post("/api/v1/tokens").then().statusCode(403);
        asAdmin().get("/api/v1/users?size=100").then().body("items.username", not(hasItem("visitor.sso")));
    }

    @Test
    void localAccountsAndSystemCannotBeTakenOverAndDisabledUsersAreRefused() {
        bearer(sign(claims(Staff.ADMIN, "ADMIN"))).get("/api/v1/users").then().statusCode(401);
        bearer(sign(claims("SYSTEM", "ADMIN"))).get("/api/v1/users").then().statusCode(401);

        bearer(sign(claims("choi.sso", "EDITOR"))).get("/api/v1/cities/kobe?preview=true").then().statusCode(200);
        long id = asAdmin().get("/api/v1/users?size=100").then().extract().jsonPath()
                .getLong("items.find { it.username == 'choi.sso' }.id");
        asAdmin().contentType("application/merge-patch+json").body("{\"password\":\"a-password-for-sso\"}")
                .patch("/api/v1/users/" + id).then().statusCode(400).body("errors[0].field", is("password"));
        asAdmin().contentType("application/merge-patch+json").body("{\"enabled\":false}")
                .patch("/api/v1/users/" + id).then().statusCode(200);
        bearer(sign(claims("choi.sso", "EDITOR"))).get("/api/v1/cities/kobe?preview=true").then().statusCode(401);
        asAdmin().contentType("application/merge-patch+json").body("{\"enabled\":true}")
                .patch("/api/v1/users/" + id).then().statusCode(200);
        // A single sign-on user has no password to log in with.
        given().auth().preemptive().basic("choi.sso", "a-password-for-sso").get("/api/v1/trash").then().statusCode(401);
    }

    @Test
    void basicLoginsAndApiTokensWorkBesideSingleSignOn() {
        String jwt = sign(claims("jung.sso", "EDITOR"));
        String token = bearer(jwt).contentType("application/json")
                .body("{\"name\":\"sso script\",\"scopes\":[\"content:read\"]}")
                .post("/api/v1/tokens").then().statusCode(201).extract().path("token");
        given().auth().oauth2(token).get("/api/v1/cities/kobe?preview=true").then().statusCode(200);
        asAdmin().get("/api/v1/users").then().statusCode(200);
        Staff.asEditor().get("/api/v1/trash").then().statusCode(200);
    }

    private JwtClaimsBuilder claims(String username, String... groups) {
        return Jwt.issuer(issuer)
                .audience(OidcIssuer.AUDIENCE)
                .subject("sub-" + username)
                .preferredUserName(username)
                .groups(Set.of(groups))
                .expiresIn(300);
    }

    private String sign(JwtClaimsBuilder claims) {
        try {
            return sign(claims, PublicJsonWebKey.Factory.newPublicJwk(privateJwk).getPrivateKey());
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key) {
        return claims.jws().keyId(OidcIssuer.KEY_ID).sign(key);
    }

    private static RequestSpecification bearer(String jwt) {
        return given().auth().oauth2(jwt);
    }

}
