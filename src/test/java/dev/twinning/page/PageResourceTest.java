package dev.twinning.page;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PageResourceTest {

    @Test
    void listsTheTwoSeedPages() {
        given().get("/api/v1/pages").then()
                .statusCode(200)
                .body("total", is(2))
                .body("items.key", contains("friendship-cities", "sister-cities"))
                .body("items[0].agreements", nullValue());
    }

    @Test
    void oneRequestRendersTheFriendshipCitiesPage() {
        given().get("/api/v1/pages/friendship-cities").then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("title", is("Friendship Cities"))
                .body("agreements.partnerCity.name", contains(
                        "Shenyang", "Yangzhou", "Yancheng", "Danang", "Kobe", "Ho Chi Minh City", "Shaoxing", "Wuhan"))
                .body("agreements[0].partnerCity.location", is("Eastern marine city in China"))
                .body("agreements[0].establishedOn", is("2003-12-09"))
                .body("survey.participants", is(10))
                .body("survey.score", is(20))
                .body("survey.counts.VERY_SATISFIED", is(10))
                .body("survey.counts.VERY_UNSATISFIED", is(0))
                .body("survey.mean", is(5.0f))
                .body("survey.satisfiedPercent", is(100.0f));
    }

    @Test
    void oneRequestRendersTheSisterCitiesStatusPage() {
        given().get("/api/v1/pages/sister-cities").then()
                .statusCode(200)
                .body("agreements", hasSize(7))
                .body("agreements.partnerCity.name", contains(
                        "Harbin", "Kawasaki", "Weihai", "Okayama", "Khabarovsk", "Bakersfield", "Valenzuela"))
                .body("agreements[2].partnerCity.nativeName", is("山東省威海市"))
                .body("agreements[2].signatories.nativeName", contains(null, "宋遠方"))
                .body("survey.participants", is(0))
                .body("survey.score", is(0))
                .body("survey.mean", nullValue())
                .body("survey.satisfiedPercent", nullValue());
    }

    @Test
    void aPageIsFoundByIdAsWellAsByKey() {
        int id = given().get("/api/v1/pages/sister-cities").then().extract().path("id");
        given().get("/api/v1/pages/" + id).then().statusCode(200).body("key", is("sister-cities"));
    }

    @Test
    void unknownPageIsA404Problem() {
        given().get("/api/v1/pages/contact").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", is("No page 'contact'"));
    }
}
