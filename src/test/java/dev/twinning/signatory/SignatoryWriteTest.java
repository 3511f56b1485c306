package dev.twinning.signatory;

import static dev.twinning.user.Staff.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SignatoryWriteTest {

    @Test
    void createPatchAndDeleteASignatory() {
        int city = given().get("/api/v1/cities/bucheon").path("id");
        var created = asEditor().contentType("application/json")
                .body("{\"name\":\"Jo Yong-ik\",\"nativeName\":\"趙容翊\",\"title\":\"Mayor\",\"cityId\":" + city + "}")
                .post("/api/v1/signatories?publish=true");
        created.then().statusCode(201).body("city.slug", is("bucheon")).body("agreements", org.hamcrest.Matchers.empty());
        String path = "/api/v1/signatories/" + created.path("id");

        asEditor().contentType("application/merge-patch+json").body("{\"nativeName\":null,\"title\":\"Former Mayor\"}")
                .patch(path).then()
                .statusCode(200)
                .body("nativeName", nullValue())
                .body("title", is("Former Mayor"));
        asEditor().delete(path).then().statusCode(204);
        given().get(path).then().statusCode(404);
    }

    @Test
    void aSignatoryNeedsAnExistingCity() {
        asEditor().contentType("application/json").body("{\"name\":\"Nobody\",\"cityId\":999999}")
                .post("/api/v1/signatories?publish=true")
                .then().statusCode(400).body("errors.field", contains("cityId"));
        asEditor().contentType("application/json").body("{\"name\":\" \"}").post("/api/v1/signatories?publish=true")
                .then().statusCode(400).body("errors.field", contains("cityId", "name"));
    }

    @Test
    void deletingSomeoneWhoSignedAgreementsIs409() {
        int id = given().get("/api/v1/signatories?size=100").path("items.find { it.name == 'Won Hae-yeong' }.id");
        asEditor().delete("/api/v1/signatories/" + id).then()
                .statusCode(409)
                .body("detail", containsString("signed agreements"));
        given().get("/api/v1/signatories/" + id).then().statusCode(200);
    }
}
