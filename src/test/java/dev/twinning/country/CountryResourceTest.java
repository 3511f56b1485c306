package dev.twinning.country;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CountryResourceTest {

    @Test
    void listsTheCountriesThatHaveCitiesWithCounts() {
        given().get("/api/v1/countries").then()
                .statusCode(200)
                .body("items.code", contains("CN", "JP", "PH", "RU", "KR", "US", "VN"))
                .body("items[0].name", is("China"))
                .body("items[0].cities", is(7))
                .body("items.cities", contains(7, 3, 1, 1, 1, 1, 2));
    }
}
