package dev.twinning.agreement;

import static dev.twinning.user.Staff.asAdmin;
import static dev.twinning.user.Staff.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AgreementWriteTest {

    private int bucheon;
    private int partner;
    private int mayor;

    @BeforeEach
    void createPartnerCity() {
        bucheon = given().get("/api/v1/cities/bucheon").path("id");
        mayor = given().get("/api/v1/signatories?size=100").path("items.find { it.name == 'Hong Geon-pyo' }.id");
        partner = asEditor().contentType("application/json")
                .body("{\"slug\":\"gdynia-test\",\"name\":\"Gdynia\",\"country\":\"PL\"}")
                .post("/api/v1/cities?publish=true").then().statusCode(201).extract().path("id");
    }

    @AfterEach
    void deleteThem() {
        given().get("/api/v1/agreements?country=PL").<java.util.List<Integer>>path("items.id")
                .forEach(id -> asAdmin().delete("/api/v1/agreements/" + id));
        asAdmin().delete("/api/v1/cities/gdynia-test");
    }

    @Test
    void createsAnAgreementFromReferencesById() {
        int id = asEditor().contentType("application/json")
                .body(agreement("SISTER_CITY", partner, "\"establishedOn\":\"2024-05-17\",\"signatoryIds\":[" + mayor + "]"))
                .post("/api/v1/agreements?publish=true").then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/agreements/"))
                .body("status", is("ACTIVE"))
                .body("homeCity.slug", is("bucheon"))
                .body("partnerCity.slug", is("gdynia-test"))
                .body("signatories.name", contains("Hong Geon-pyo"))
                .extract().path("id");
        given().get("/api/v1/cities/gdynia-test").then().body("agreements.id", contains(id));
        given().get("/api/v1/signatories/" + mayor).then().body("agreements.partnerCity.slug",
                contains("bakersfield", "valenzuela", "gdynia-test"));
    }

    @Test
    void theCountryFilterFollowsThePartnerCityWhenItMovesOrIsReplaced() {
        int id = asEditor().contentType("application/json").body(agreement("FRIENDSHIP_CITY", partner, ""))
                .post("/api/v1/agreements?publish=true").then().statusCode(201).extract().path("id");
        given().get("/api/v1/agreements?country=PL").then().body("items.id", contains(id)).body("total", is(1));
        try {
            asEditor().contentType("application/merge-patch+json").body("{\"country\":\"DE\"}")
                    .patch("/api/v1/cities/gdynia-test?publish=true").then().statusCode(200);
            given().get("/api/v1/agreements?country=PL").then().body("total", is(0));
            given().get("/api/v1/agreements?country=DE&size=100").then().body("items.id", hasItem(id));
        } finally {
            asEditor().contentType("application/merge-patch+json").body("{\"country\":\"PL\"}")
                    .patch("/api/v1/cities/gdynia-test?publish=true").then().statusCode(200);
        }
        int harbin = given().get("/api/v1/cities/harbin").path("id");
        asEditor().contentType("application/merge-patch+json").body("{\"partnerCityId\":" + harbin + "}")
                .patch("/api/v1/agreements/" + id + "?publish=true").then().statusCode(200);
        given().get("/api/v1/agreements?country=PL").then().body("total", is(0));
        given().get("/api/v1/agreements?country=cn&size=100").then().body("items.id", hasItem(id));
        asEditor().delete("/api/v1/agreements/" + id).then().statusCode(204);
    }

    @Test
    void missingReferencesAreA400NamingEachOneAndNothingIsStored() {
        asEditor().contentType("application/json")
                .body("{\"homeCityId\":999999,\"partnerCityId\":" + partner + ",\"type\":\"SISTER_CITY\",\"signatoryIds\":["
                        + mayor + ",888888]}")
                .post("/api/v1/agreements?publish=true").then()
                .statusCode(400)
                .body("errors.field", contains("homeCityId", "signatoryIds[1]"))
                .body("errors.message", contains("no city has id 999999", "no signatory has id 888888"));
        given().get("/api/v1/agreements?country=PL").then().body("total", is(0));
    }

    @Test
    void anAgreementNeedsTwoDifferentCitiesAndIsUniquePerType() {
        asEditor().contentType("application/json").body(agreement("SISTER_CITY", bucheon, ""))
                .post("/api/v1/agreements?publish=true").then().statusCode(400).body("errors.field", contains("partnerCityId"));
        asEditor().contentType("application/json").body(agreement("SISTER_CITY", partner, ""))
                .post("/api/v1/agreements?publish=true")
                .then().statusCode(201);
        asEditor().contentType("application/json").body(agreement("SISTER_CITY", partner, ""))
                .post("/api/v1/agreements?publish=true")
                .then().statusCode(409);
        asEditor().contentType("application/json").body(agreement("FRIENDSHIP_CITY", partner, ""))
                .post("/api/v1/agreements?publish=true")
                .then().statusCode(201);
    }

    @Test
    void patchWithNullRemovesTheDateAndAStaleIfMatchIs412() {
        var created = asEditor().contentType("application/json")
                .body(agreement("SISTER_CITY", partner, "\"establishedOn\":\"2024-05-17\",\"notes\":\"draft\""))
                .post("/api/v1/agreements?publish=true");
        String path = "/api/v1/agreements/" + created.path("id");
        asEditor().contentType("application/merge-patch+json").header("If-Match", created.header("ETag"))
                .body("{\"establishedOn\":null,\"status\":\"SUSPENDED\"}").patch(path).then()
                .statusCode(200)
                .body("establishedOn", nullValue())
                .body("status", is("SUSPENDED"))
                .body("notes", is("draft"));
        asEditor().header("If-Match", created.header("ETag")).delete(path).then().statusCode(412);
        asEditor().delete(path).then().statusCode(204);
        given().get(path).then().statusCode(404);
    }

    @Test
    void impossibleDatesAndUnknownTypesAreRejected() {
        asEditor().contentType("application/json").body(agreement("SISTER_CITY", partner, "\"establishedOn\":\"2024-02-30\""))
                .post("/api/v1/agreements?publish=true").then().statusCode(400).body("errors.field", contains("establishedOn"));
        asEditor().contentType("application/json").body(agreement("TWIN_TOWN", partner, ""))
                .post("/api/v1/agreements?publish=true")
                .then().statusCode(400).body("errors.field", contains("type"));
    }

    private String agreement(String type, int partnerId, String extra) {
        return "{\"homeCityId\":" + bucheon + ",\"partnerCityId\":" + partnerId + ",\"type\":\"" + type + "\""
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }
}
