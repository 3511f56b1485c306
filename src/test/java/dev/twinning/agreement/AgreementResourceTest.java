package dev.twinning.agreement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AgreementResourceTest {

    @Test
    void sisterCitiesAreTheFourOfTheStatusTableWithTheirSignatories() {
        given().get("/api/v1/agreements?type=SISTER_CITY").then()
                .statusCode(200)
                .body("total", is(4))
                .body("items.partnerCity.name", contains("Harbin", "Khabarovsk", "Bakersfield", "Valenzuela"))
                .body("items.establishedOn", contains("1995-11-28", "2002-06-24", "2006-09-25", "2008-06-25"))
                .body("items.homeCity.slug", everyItem(is("bucheon")))
                .body("items[1].signatories.name", contains("Won Hae-yeong", "Alexander N. Sokolov"))
                .body("items[1].signatories.title", contains("Mayor", "Mayor"))
                .body("items[1].signatories.city.slug", contains("bucheon", "khabarovsk"));
    }

    @Test
    void everyPageCountsAllMatchesEvenPastTheEnd() {
        given().get("/api/v1/agreements?type=SISTER_CITY&size=3&page=1").then()
                .statusCode(200)
                .body("total", is(4))
                .body("items.partnerCity.name", contains("Valenzuela"))
                .body("items[0].signatories", hasSize(2));
        given().get("/api/v1/agreements?type=SISTER_CITY&size=3&page=9").then()
                .statusCode(200)
                .body("total", is(4))
                .body("items", hasSize(0));
    }

    @Test
    void fifteenAgreementsAreSeededAndTheFriendshipPageNamesNoSignatories() {
        given().get("/api/v1/agreements?size=100").then()
                .statusCode(200)
                .body("total", is(15))
                .body("items.find { it.partnerCity.slug == 'shenyang' }.signatories", hasSize(0))
                .body("items.find { it.partnerCity.slug == 'okayama' }.signatories[1].nativeName", is("萩原誠司"));
    }

    @Test
    void theStatusTableWinsWhereThePagesDisagreeAndTheNotesSaySo() {
        given().get("/api/v1/agreements?country=CN&type=FRIENDSHIP_CITY&establishedTo=2000-12-31").then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].partnerCity.slug", is("weihai"))
                .body("items[0].establishedOn", is("2000-01-07"))
                .body("items[0].notes", containsString("Feb. 26, 2000"));
        given().get("/api/v1/agreements?country=ph").then()
                .body("items[0].establishedOn", is("2008-06-25"))
                .body("items[0].notes", containsString("Jun. 24, 2008"));
    }

    @Test
    void filtersByDateRangeInclusively() {
        given().get("/api/v1/agreements?establishedFrom=2003-03-21&establishedTo=2003-12-09").then()
                .body("items.partnerCity.name", contains("Yangzhou", "Yancheng", "Shenyang"));
    }

    @Test
    void unknownEstablishmentDatesSortLastAndAreNull() {
        given().get("/api/v1/agreements?country=VN").then()
                .body("items.partnerCity.name", contains("Danang", "Ho Chi Minh City"))
                .body("items[1].establishedOn", nullValue());
    }

    @Test
    void statusFilterAndDescendingSort() {
        given().get("/api/v1/agreements?status=ended").then().statusCode(200).body("total", is(0));
        given().get("/api/v1/agreements?status=ACTIVE&sort=-establishedOn&size=2").then()
                .body("total", is(15))
                .body("items.partnerCity.name", contains("Wuhan", "Shaoxing"));
    }

    @Test
    void oneAgreementByIdCarriesAnETag() {
        int id = given().get("/api/v1/agreements?country=US").then().extract().path("items[0].id");
        given().get("/api/v1/agreements/" + id).then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("partnerCity.name", is("Bakersfield"))
                .body("partnerCity.region", is("California"))
                .body("signatories.name", contains("Hong Geon-pyo", "Harvey L. Hall"));
    }

    @ParameterizedTest
    @CsvSource({"999999", "abc", "-1", "0", "99999999999999999999"})
    void unknownOrMalformedIdsAre404Problems(String id) {
        given().get("/api/v1/agreements/" + id).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404));
    }

    @ParameterizedTest
    @CsvSource({
            "establishedFrom=2024-02-30, establishedFrom", "establishedTo=yesterday, establishedTo",
            "establishedFrom=2010-01-01&establishedTo=2000-01-01, establishedFrom",
            "type=sister, type", "status=OPEN, status", "country=1, country", "sort=partner, sort", "size=1000, size"})
    void invalidQueryParametersAreAProblemNamingTheParameter(String query, String parameter) {
        given().get("/api/v1/agreements?" + query).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(parameter));
    }
}
