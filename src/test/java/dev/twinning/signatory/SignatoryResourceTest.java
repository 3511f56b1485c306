package dev.twinning.signatory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SignatoryResourceTest {

    @Test
    void tenPeopleSignedTheSevenStatusTableAgreements() {
        given().get("/api/v1/signatories?size=100").then()
                .statusCode(200)
                .body("total", is(10))
                .body("items.find { it.name == 'Wang Gwnag-do' }.nativeName", is("汪光燾"))
                .body("items.find { it.name == 'Wang Gwnag-do' }.city.slug", is("harbin"))
                .body("items.find { it.name == 'Takahishi Giyoshi' }.nativeName", is("高橋淸"));
    }

    @Test
    void aPersonWhoSignedSeveralAgreementsIsOneSignatory() {
        int id = given().get("/api/v1/signatories?size=100").then()
                .extract().path("items.find { it.name == 'Won Hae-yeong' }.id");
        given().get("/api/v1/signatories/" + id).then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("title", is("Mayor"))
                .body("city.name", is("Bucheon"))
                .body("agreements", hasSize(3))
                .body("agreements.partnerCity.name", contains("Weihai", "Okayama", "Khabarovsk"));
    }

    @Test
    void sortsByCityThenName() {
        given().get("/api/v1/signatories?sort=city,name&size=3").then()
                .body("items.name", contains("Harvey L. Hall", "Hong Geon-pyo", "Lee Hae-seon"));
    }

    @Test
    void unknownSignatoryIsA404Problem() {
        given().get("/api/v1/signatories/424242").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unknownSortFieldIsA400() {
        given().get("/api/v1/signatories?sort=age").then().statusCode(400).body("errors.field", contains("sort"));
    }
}
