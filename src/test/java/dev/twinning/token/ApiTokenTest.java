package dev.twinning.token;

import static dev.twinning.user.Staff.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import dev.twinning.hardening.DatabaseSnapshot;

/**
 * API tokens as a script uses them: created once by a logged-in user, sent as Bearer, limited to their scopes and
 * to their owner's current role, and dead the moment they are revoked, expire or their owner is disabled.
 */
@QuarkusTest
class ApiTokenTest {

    private static final String TOKENS = "/api/v1/tokens";
    static final String PASSWORD = "token-owner-password";
    private static final String TOKEN = "twn_[0-9A-Za-z]{49}";

    private static final List<String> CREATED = new java.util.ArrayList<>();

    /** Removes the users a test made (their tokens go with them), so that other tests count admins as before. */
    @AfterEach
    void forget() {
        DatabaseSnapshot.forgetFailedLogins();
        for (String name : CREATED) {
            long id = asAdmin().get("/api/v1/users?size=100").then().extract().jsonPath()
                    .getLong("items.find { it.username == '" + name + "' }.id");
            asAdmin().delete("/api/v1/users/" + id).then().statusCode(204);
        }
        CREATED.clear();
    }

    @Test
    void aReadTokenReadsPreviewsButCannotWriteAndIsShownOnlyOnce() {
        String owner = user("EDITOR");
        var created = login(owner).contentType("application/json")
                .body("{\"name\":\"analytics\",\"scopes\":[\"content:read\"]}")
                .post(TOKENS).then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/tokens/"))
                .body("token", org.hamcrest.Matchers.matchesPattern(TOKEN))
                .body("owner", is(owner))
                .body("scopes", is(List.of("content:read")))
                .body("lastUsedAt", nullValue())
                .extract();
        String token = created.path("token");
        assertThat((String) created.path("prefix")).isEqualTo(token.substring(0, 12));
        Instant expires = Instant.parse(created.path("expiresAt"));
        assertThat(Duration.between(Instant.now(), expires).toDays()).isBetween(89L, 90L);

        bearer(token).get("/api/v1/cities/kobe?preview=true").then().statusCode(200).body("slug", is("kobe"));
        bearer(token).get("/api/v1/trash").then().statusCode(200);
        bearer(token).get("/api/v1/cities/kobe/revisions").then().statusCode(200);
        bearer(token).get("/api/v1/cities/kobe/translations").then().statusCode(200);
        bearer(token).contentType("application/merge-patch+json").body("{\"population\":1}")
                .patch("/api/v1/cities/kobe").then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("token"));
        bearer(token).get("/api/v1/users").then().statusCode(403);
        // A token cannot mint or list tokens: that needs a login.
        bearer(token).contentType("application/json").body("{\"name\":\"more\",\"scopes\":[\"content:read\"]}")
                .post(TOKENS).then().statusCode(403);
        bearer(token).get(TOKENS).then().statusCode(403);

        login(owner).get(TOKENS).then()
                .statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(1))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("token")))
                .body("items[0].prefix", is(token.substring(0, 12)))
                .body("items[0].lastUsedAt", notNullValue());
    }

    @Test
    void revokingStopsATokenAtOnce() {
        String owner = user("EDITOR");
        String token = token(owner, "content:write");
        long id = id(owner);
        bearer(token).get("/api/v1/cities/kobe?preview=true").then().statusCode(200);
        login(owner).delete(TOKENS + "/" + id).then().statusCode(204);
        bearer(token).get("/api/v1/cities/kobe?preview=true").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", allOf(startsWith("Bearer"), containsString("invalid_token")))
                .body(not(containsString(token)));
        login(owner).delete(TOKENS + "/" + id).then().statusCode(404);
    }

    @Test
    void aWriteTokenWritesAsItsOwnerByName() {
        String owner = user("EDITOR");
        String token = token(owner, "content:write");
        String etag = bearer(token).get("/api/v1/cities/kobe?preview=true").then().statusCode(200).extract().header("ETag");
        bearer(token).header("If-Match", etag).contentType("application/merge-patch+json")
                .body("{\"population\":1525152}")
                .patch("/api/v1/cities/kobe").then()
                .statusCode(200)
                .body("updatedBy", is(owner));
        asAdmin().get("/api/v1/audit?user=" + owner).then()
                .statusCode(200)
                .body("items.action", hasItem("UPDATE"))
                .body("items.collection", hasItem("cities"));
    }

    @Test
    void aTokenNeverExceedsItsOwnersRole() {
        String editor = user("EDITOR");
        login(editor).contentType("application/json").body("{\"name\":\"x\",\"scopes\":[\"content:read\",\"admin\"]}")
                .post(TOKENS).then()
                .statusCode(400)
                .body("errors.field", hasItem("scopes[1]"));

        String admin = user("ADMIN");
        String token = token(admin, "admin");
        bearer(token).get("/api/v1/users").then().statusCode(200);
        bearer(token).get("/api/v1/cities/kobe?preview=true").then().statusCode(200);
        long userId = asAdmin().get("/api/v1/users?size=100").then().extract().jsonPath()
                .getLong("items.find { it.username == '" + admin + "' }.id");
        asAdmin().contentType("application/merge-patch+json").body("{\"role\":\"EDITOR\"}")
                .patch("/api/v1/users/" + userId).then().statusCode(200);
        bearer(token).get("/api/v1/users").then().statusCode(403);
        bearer(token).get("/api/v1/cities/kobe?preview=true").then().statusCode(200);

        asAdmin().contentType("application/merge-patch+json").body("{\"enabled\":false}")
                .patch("/api/v1/users/" + userId).then().statusCode(200);
        bearer(token).get("/api/v1/cities/kobe?preview=true").then().statusCode(401);
        asAdmin().contentType("application/merge-patch+json").body("{\"enabled\":true}")
                .patch("/api/v1/users/" + userId).then().statusCode(200);
        bearer(token).get("/api/v1/cities/kobe?preview=true").then().statusCode(200);
    }

    @Test
    void anExpiredTokenIsA401() throws SQLException {
        String owner = user("EDITOR");
        String token = token(owner, "content:read");
        bearer(token).get("/api/v1/cities/kobe?preview=true").then().statusCode(200);
        sql("update api_tokens set expires_at = now() - interval '1 second' where id = ?", id(owner));
        bearer(token).get("/api/v1/cities/kobe?preview=true").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void anotherUsersTokenCannotBeRevokedButAnAdminCanRevokeAnyAndListAll() {
        String alice = user("EDITOR");
        String bob = user("EDITOR");
        String token = token(alice, "content:read");
        long id = id(alice);
        login(bob).delete(TOKENS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        bearer(token).get("/api/v1/cities/kobe?preview=true").then().statusCode(200);
        login(bob).get(TOKENS + "?all=true").then().statusCode(403);
        asAdmin().get(TOKENS + "?all=true&size=100").then().statusCode(200).body("items.owner", hasItem(alice));
        asAdmin().get(TOKENS).then().statusCode(200).body("items.owner", not(hasItem(alice)));
        asAdmin().delete(TOKENS + "/" + id).then().statusCode(204);
        bearer(token).get("/api/v1/cities/kobe?preview=true").then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"x\",\"scopes\":[\"content:delete\"]}",
            "{\"name\":\"x\",\"scopes\":[]}",
            "{\"name\":\"x\"}",
            "{\"name\":\"\",\"scopes\":[\"content:read\"]}",
            "{\"name\":\"x\",\"scopes\":[\"content:read\"],\"expiresInDays\":0}",
            "{\"name\":\"x\",\"scopes\":[\"content:read\"],\"expiresInDays\":367}",
            "{\"name\":\"x\",\"scopes\":[\"content:read\"],\"expiresInDays\":\"soon\"}",
            "{\"name\":\"x\",\"scopes\":[\"content:read\"],\"owner\":\"admin\"}",
            "{\"name\":\"x\",\"scopes\":\"content:read\"}",
            "[]"})
    void badRequestsAre400sAndCreateNothing(String body) {
        String owner = user("EDITOR");
        login(owner).contentType("application/json").body(body).post(TOKENS).then()
                .statusCode(400)
                .contentType("application/problem+json");
        login(owner).get(TOKENS).then().statusCode(200).body("total", is(0));
    }

    @Test
    void anUnknownScopeIsNamedWithTheValuesClientsWrite() {
        login(user("EDITOR")).contentType("application/json").body("{\"name\":\"x\",\"scopes\":[\"CONTENT_READ\"]}")
                .post(TOKENS).then()
                .statusCode(400)
                .body("errors[0].field", is("scopes[0]"))
                .body("errors[0].message", is("must be one of [content:read, content:write, admin]"));
    }

    @Test
    void badListParametersAndIdsAreClearErrors() {
        String owner = user("EDITOR");
        login(owner).get(TOKENS + "?all=maybe").then().statusCode(400).body("errors.field", hasItem("all"));
        login(owner).delete(TOKENS + "/abc").then().statusCode(404);
        given().get(TOKENS).then().statusCode(401)
                .header("WWW-Authenticate", notNullValue());
    }

    @Test
    void malformedAndUnknownTokensAre401sAndRepeatedOnesFromOneAddressAre429s() {
        String owner = user("EDITOR");
        String token = token(owner, "content:read");
        String wrongChecksum = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        from("198.51.100.200").auth().oauth2(wrongChecksum).get("/api/v1/trash").then().statusCode(401);
        for (int i = 0; i < 9; i++) {
            from("198.51.100.200").auth().oauth2(ApiTokenSecret.generate()).get("/api/v1/trash").then().statusCode(401);
        }
        from("198.51.100.200").auth().oauth2(ApiTokenSecret.generate()).get("/api/v1/trash").then()
                .statusCode(429)
                .header("Retry-After", notNullValue());
        // Another address is not affected, and a valid token is never held up by others' failures.
        from("198.51.100.201").auth().oauth2(ApiTokenSecret.generate()).get("/api/v1/trash").then().statusCode(401);
        from("198.51.100.200").auth().oauth2(token).get("/api/v1/trash").then().statusCode(200);
    }

    @Test
    void aTokenIsFormedWithAChecksumThatCatchesTypos() {
        String token = ApiTokenSecret.generate();
        assertThat(token).matches(TOKEN);
        assertThat(ApiTokenSecret.wellFormed(token)).isTrue();
        assertThat(ApiTokenSecret.wellFormed(token.substring(0, 10) + (token.charAt(10) == 'x' ? 'y' : 'x')
                + token.substring(11))).isFalse();
        assertThat(ApiTokenSecret.generate()).isNotEqualTo(token);
    }

    /** A new user with this role; its name. */
    static String user(String role) {
        String name = "tok." + UUID.randomUUID().toString().substring(0, 8);
        asAdmin().contentType("application/json")
                .body("{\"username\":\"" + name + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"" + role + "\"}")
                .post("/api/v1/users").then().statusCode(201);
        CREATED.add(name);
        return name;
    }

    static RequestSpecification login(String user) {
        return given().auth().preemptive().basic(user, PASSWORD);
    }

    static String token(String owner, String scope) {
        return login(owner).contentType("application/json")
                .body("{\"name\":\"script\",\"scopes\":[\"" + scope + "\"],\"expiresInDays\":7}")
                .post(TOKENS).then().statusCode(201).extract().path("token");
    }

    static RequestSpecification bearer(String token) {
        return given().auth().oauth2(token);
    }

    private static long id(String owner) {
        return login(owner).get(TOKENS).then().statusCode(200).extract().jsonPath().getLong("items[0].id");
    }

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    private static void sql(String statement, long id) throws SQLException {
        DataSource dataSource = Arc.container().instance(DataSource.class).get();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(statement)) {
            update.setLong(1, id);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
