package dev.twinning.page;

import static dev.twinning.user.Staff.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PageWriteTest {

    @Test
    void createPatchAndDeleteAPage() {
        List<Integer> sister = given().get("/api/v1/agreements?type=SISTER_CITY").path("items.id");
        asEditor().contentType("application/json")
                .body("{\"key\":\"sister-cities-only\",\"title\":\"Sister Cities\",\"agreementIds\":[" + sister.get(1) + ","
                        + sister.get(0) + "]}")
                .post("/api/v1/pages").then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/pages/sister-cities-only"))
                .body("agreements.partnerCity.name", contains("Khabarovsk", "Harbin"))
                .body("survey.participants", is(0));

        asEditor().contentType("application/merge-patch+json").body("{\"title\":\"Our Sister Cities\",\"agreementIds\":[]}")
                .patch("/api/v1/pages/sister-cities-only").then()
                .statusCode(200)
                .body("title", is("Our Sister Cities"))
                .body("agreements", org.hamcrest.Matchers.empty());
        asEditor().delete("/api/v1/pages/sister-cities-only").then().statusCode(204);
        given().get("/api/v1/pages/sister-cities-only").then().statusCode(404);
    }

    @Test
    void aTakenKeyIs409AndUnknownAgreementsAre400() {
        asEditor().contentType("application/json").body("{\"key\":\"friendship-cities\",\"title\":\"Again\"}")
                .post("/api/v1/pages").then().statusCode(409).contentType("application/problem+json");
        asEditor().contentType("application/json").body("{\"key\":\"new-page\",\"title\":\"New\",\"agreementIds\":[999999]}")
                .post("/api/v1/pages").then().statusCode(400).body("errors.field", contains("agreementIds[0]"));
        asEditor().contentType("application/json").body("{\"key\":\"Bad Key\",\"title\":\"\"}")
                .post("/api/v1/pages").then().statusCode(400).body("errors.field", contains("key", "title"));
        given().get("/api/v1/pages").then().body("total", is(2));
    }
}
