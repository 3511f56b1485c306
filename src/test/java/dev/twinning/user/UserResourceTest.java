package dev.twinning.user;

import static dev.twinning.user.Staff.asAdmin;
import static dev.twinning.user.Staff.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.validation.Validator;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.twinning.common.IfMatchGuard;
import dev.twinning.database.DatabaseReady;

@QuarkusTest
class UserResourceTest {

    @Inject
    UserService users;

    @Inject
    Validator validator;

    @Test
    void theFirstAdminComesFromConfigurationAndListsUsersWithoutPasswords() {
        asAdmin().get("/api/v1/users").then()
                .statusCode(200)
                .body("items.username", hasItem(Staff.ADMIN))
                .body("items[0]", not(hasKey("passwordHash")))
                .body("items[0]", not(hasKey("password")));
    }

    @Test
    void onlyAdminsManageUsers() {
        given().get("/api/v1/users").then().statusCode(401);
        asEditor().get("/api/v1/users").then().statusCode(403).contentType("application/problem+json");
        asEditor().contentType("application/json")
                .body("{\"username\":\"sneaky\",\"password\":\"long-enough-password\",\"role\":\"ADMIN\"}")
                .post("/api/v1/users").then().statusCode(403);
        asEditor().get("/api/v1/export").then().statusCode(403);
    }

    @Test
    void anAdminCreatesAnEditorWhoCanWriteAndCanBeDisabledOrPromoted() {
        int id = asAdmin().contentType("application/json")
                .body("{\"username\":\"editor.park\",\"password\":\"park-password-123\",\"role\":\"EDITOR\"}")
                .post("/api/v1/users").then()
                .statusCode(201)
                .body("role", is("EDITOR"))
                .body("enabled", is(true))
                .extract().path("id");
        var park = given().auth().preemptive().basic("editor.park", "park-password-123");
        park.get("/api/v1/users").then().statusCode(403);

        asAdmin().contentType("application/merge-patch+json").body("{\"role\":\"ADMIN\"}").patch("/api/v1/users/" + id).then()
                .statusCode(200).body("role", is("ADMIN"));
        given().auth().preemptive().basic("editor.park", "park-password-123").get("/api/v1/users").then().statusCode(200);

        asAdmin().contentType("application/merge-patch+json").body("{\"enabled\":false}").patch("/api/v1/users/" + id).then()
                .statusCode(200).body("enabled", is(false));
        given().auth().preemptive().basic("editor.park", "park-password-123").get("/api/v1/users").then().statusCode(401);
        given().auth().preemptive().basic("editor.park", "park-password-123").contentType("application/json")
                .body("{\"name\":\"X\",\"country\":\"PL\"}").post("/api/v1/cities").then().statusCode(401);
    }

    @Test
    void usernamesAreUniqueRegardlessOfCaseAndPasswordsMustBeLong() {
        asAdmin().contentType("application/json")
                .body("{\"username\":\"ADMIN\",\"password\":\"another-password\",\"role\":\"EDITOR\"}")
                .post("/api/v1/users").then().statusCode(409);
        asAdmin().contentType("application/json").body("{\"username\":\"a b\",\"password\":\"short\",\"role\":\"CHIEF\"}")
                .post("/api/v1/users").then().statusCode(400).body("errors.field", contains("role"));
        asAdmin().contentType("application/json").body("{\"username\":\"a b\",\"password\":\"short\",\"role\":\"EDITOR\"}")
                .post("/api/v1/users").then().statusCode(400).body("errors.field", contains("password", "username"));
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefused() {
        asAdmin().contentType("application/json")
                .body("{\"username\":\"long.korean\",\"password\":\"" + "한".repeat(30) + "\",\"role\":\"EDITOR\"}")
                .post("/api/v1/users").then()
                .statusCode(400)
                .body("errors.field", contains("password"));
    }

    @Test
    void aUserCarriesAnETag() {
        int adminId = asAdmin().get("/api/v1/users?size=100").path("items.find { it.username == 'admin' }.id");
        String etag = asAdmin().get("/api/v1/users/" + adminId).then().statusCode(200).extract().header("ETag");
        asAdmin().header("If-None-Match", etag).get("/api/v1/users/" + adminId).then().statusCode(304);
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothingWhileTheCurrentOneGoesAhead() {
        int id = asAdmin().contentType("application/json")
                .body("{\"username\":\"editor.kim\",\"password\":\"kim-password-123\",\"role\":\"EDITOR\"}")
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        IfMatchGuard.holdsFor("/api/v1/users/" + id, "{\"role\":\"ADMIN\"}", "role", "EDITOR", "{\"enabled\":false}",
                "enabled", false);
    }

    @Test
    void theLastEnabledAdminCannotBeDisabledOrDemoted() {
        int adminId = asAdmin().get("/api/v1/users?size=100").path("items.find { it.username == 'admin' }.id");
        asAdmin().contentType("application/merge-patch+json").body("{\"enabled\":false}").patch("/api/v1/users/" + adminId)
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("last enabled admin"));
        asAdmin().contentType("application/merge-patch+json").body("{\"role\":\"EDITOR\"}").patch("/api/v1/users/" + adminId)
                .then().statusCode(409);
        asAdmin().get("/api/v1/users/" + adminId).then().statusCode(200).body("role", is("ADMIN")).body("enabled", is(true));
        asAdmin().get("/api/v1/users/999999").then().statusCode(404);
    }

    @Test
    void theUsernameSystemIsReservedInAnyCase() {
        for (String name : new String[]{"system", "SYSTEM", "sYsTeM"}) {
            asAdmin().contentType("application/json")
                    .body("{\"username\":\"" + name + "\",\"password\":\"a-long-enough-password\",\"role\":\"EDITOR\"}")
                    .post("/api/v1/users").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", contains("username"));
        }
        asAdmin().contentType("application/json")
                .body("{\"username\":\"system.ops\",\"password\":\"a-long-enough-password\",\"role\":\"EDITOR\"}")
                .post("/api/v1/users").then().statusCode(201);
    }

    @Test
    void aFirstAdminNamedSystemIsRefusedWithoutFailingTheStart() {
        new FirstAdmin(users, validator, Optional.of("System"), Optional.of("a-long-enough-password"))
                .onStart(new DatabaseReady());
        asAdmin().get("/api/v1/users?size=100").then().statusCode(200)
                .body("items.username", not(hasItem(equalToIgnoringCase("system"))));
    }
}
