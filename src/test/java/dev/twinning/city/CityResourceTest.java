package dev.twinning.city;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CityResourceTest {

    @Test
    void listsTheHomeCityAndAllFifteenPartnerCities() {
        given().get("/api/v1/cities?size=100").then()
                .statusCode(200)
                .contentType("application/json")
                .body("total", is(16))
                .body("page", is(0))
                .body("size", is(100))
                .body("items", hasSize(16))
                .body("items.find { it.slug == 'bucheon' }.country", is("KR"))
                .body("items.find { it.slug == 'bucheon' }.region", is("Gyeonggi-do"));
    }

    @Test
    void countryFilterIsCaseInsensitiveAndFindsTheSevenChineseCities() {
        given().get("/api/v1/cities?country=cn").then()
                .statusCode(200)
                .body("total", is(7))
                .body("items.name", contains("Harbin", "Shaoxing", "Shenyang", "Weihai", "Wuhan", "Yancheng", "Yangzhou"));
    }

    @Test
    void harbinCarriesEveryFactOfTheStatusPage() {
        given().get("/api/v1/cities/harbin").then()
                .statusCode(200)
                .header("ETag", startsWith("\""))
                .body("name", is("Harbin"))
                .body("nativeName", is("黑龍江省哈爾濱市"))
                .body("region", is("Heilongjiang"))
                .body("population", is(9910000))
                .body("averageTemperatureC", is(5.4f))
                .body("regionalFeatures", startsWith("An economic and cultural hub in Heilongjiang"))
                .body("website", nullValue())
                .body("agreements", hasSize(1))
                .body("agreements[0].type", is("SISTER_CITY"))
                .body("agreements[0].establishedOn", is("1995-11-28"))
                .body("agreements[0].signatories.name", contains("Lee Hae-seon", "Wang Gwnag-do"));
    }

    @ParameterizedTest
    @CsvSource({
            "shenyang, 6850000, 12980.0",
            "yangzhou, 4700000, 6638.0",
            "yancheng, 7956000, 15000.0",
            "danang, 750000, 1256.0",
            "kobe, 1530000, 552.8",
            "shaoxing, 4960000, 8256.0",
            "wuhan, 10340000, 8494.0"})
    void friendshipPageFiguresAreConvertedToPersonsAndSquareKilometres(String slug, int population, float area) {
        given().get("/api/v1/cities/" + slug).then()
                .statusCode(200)
                .body("population", is(population))
                .body("areaKm2", is(area));
    }

    @ParameterizedTest
    @CsvSource({"harbin, 9910000", "kawasaki, 1450000", "weihai, 2810000", "okayama, 710000",
            "khabarovsk, 600000", "bakersfield, 350000", "valenzuela, 590000"})
    void tensOfThousandsAreConvertedToPersons(String slug, int population) {
        given().get("/api/v1/cities/" + slug).then().statusCode(200).body("population", is(population));
    }

    @Test
    void factsThePagesDoNotGiveStayEmpty() {
        given().get("/api/v1/cities/ho-chi-minh-city").then()
                .statusCode(200)
                .body("name", is("Ho Chi Minh City"))
                .body("country", is("VN"))
                .body("population", nullValue())
                .body("areaKm2", nullValue())
                .body("location", nullValue())
                .body("nativeName", nullValue())
                .body("description", startsWith("As the largest city in Vietnam"))
                .body("agreements[0].establishedOn", nullValue());
    }

    @Test
    void spellingAndCaptionErrorsOfThePagesAreCorrected() {
        given().get("/api/v1/cities/yangzhou").then().body("location", is("300km away from Shanghai, China"));
        given().get("/api/v1/cities/weihai").then().body("region", is("Shandong"));
        given().get("/api/v1/cities/kobe").then().body("description", startsWith("Since the opening of the Kobe Port"));
        given().get("/api/v1/cities/wuhan").then().body("description", startsWith("The capital city of Hubei"));
    }

    @Test
    void aCityIsFoundByIdAsWellAsBySlug() {
        int id = given().get("/api/v1/cities/kawasaki").then().extract().path("id");
        given().get("/api/v1/cities/" + id).then().statusCode(200).body("slug", is("kawasaki"));
    }

    @Test
    void typeFilterKeepsCitiesWithAnAgreementOfThatType() {
        given().get("/api/v1/cities?type=sister_city").then()
                .statusCode(200)
                .body("items.name", contains("Bakersfield", "Harbin", "Khabarovsk", "Valenzuela"));
    }

    @Test
    void nameSearchIsCaseInsensitiveAndMatchesNativeNames() {
        given().get("/api/v1/cities?q=KAWA").then().body("items.slug", contains("kawasaki"));
        given().get("/api/v1/cities?q=哈爾濱").then().body("items.slug", contains("harbin"));
    }

    @ParameterizedTest
    @CsvSource({"%", "_", "'%a%'", "\\", "' or 1=1 --"})
    void wildcardAndSqlLookingSearchTextIsTakenLiterally(String q) {
        given().queryParam("q", q).get("/api/v1/cities").then()
                .statusCode(200)
                .body("total", is(0))
                .body("items", empty());
    }

    @Test
    void sortsByPopulationDescendingWithUnknownPopulationsLast() {
        given().get("/api/v1/cities?sort=-population&size=100").then()
                .statusCode(200)
                .body("items[0].name", is("Wuhan"))
                .body("items[1].name", is("Harbin"))
                .body("items[-1].population", nullValue());
    }

    @Test
    void sortsByDateOfFirstAgreementWithCitiesWithoutOneLast() {
        given().get("/api/v1/cities?sort=establishedOn&size=100").then()
                .statusCode(200)
                .body("items[0].name", is("Harbin"))
                .body("items[13].name", is("Wuhan"))
                .body("items[14..15].name", containsInAnyOrder("Bucheon", "Ho Chi Minh City"));
    }

    @Test
    void sortsByCountryThenName() {
        given().get("/api/v1/cities?sort=country,-name&country=JP").then()
                .body("items.name", contains("Okayama", "Kobe", "Kawasaki"));
    }

    @Test
    void pagesDoNotOverlapAndCarryTheTotal() {
        given().get("/api/v1/cities?size=5&page=0").then().body("items.name", contains(
                "Bakersfield", "Bucheon", "Danang", "Harbin", "Ho Chi Minh City"));
        given().get("/api/v1/cities?size=5&page=3").then()
                .body("total", is(16))
                .body("items.name", contains("Yangzhou"));
        given().get("/api/v1/cities?size=5&page=40").then()
                .statusCode(200)
                .body("total", is(16))
                .body("items", empty());
    }

    @Test
    void anUnknownCountryCodeThatIsValidGivesAnEmptyList() {
        given().get("/api/v1/cities?country=FR").then().statusCode(200).body("total", is(0)).body("items", empty());
    }

    @ParameterizedTest
    @CsvSource({
            "size=0, size", "size=101, size", "size=ten, size", "page=-1, page", "page=1.5, page",
            "sort=elevation, sort", "sort=-, sort", "country=ZZ, country", "country=CHN, country", "type=TWIN, type"})
    void invalidQueryParametersAreAProblemNamingTheParameter(String query, String parameter) {
        given().get("/api/v1/cities?" + query).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("title", notNullValue())
                .body("errors.field", contains(parameter))
                .body("errors.message", everyItem(notNullValue()));
    }

    @Test
    void everyBadParameterIsReportedInOneProblem() {
        given().get("/api/v1/cities?page=-1&size=0&sort=bogus&country=ZZZ&type=x").then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("page", "size", "sort", "country", "type"));
    }

    @Test
    void aPageBeyondWhatCanBeAddressedIsA400NotA500() {
        given().get("/api/v1/cities?page=2147483647").then().statusCode(400).body("errors.field", contains("page"));
        given().get("/api/v1/cities?page=99999999999").then().statusCode(400).body("errors.field", contains("page"));
    }

    @Test
    void slugsMatchInAnyCase() {
        given().get("/api/v1/cities/HARBIN").then().statusCode(200).body("slug", is("harbin"));
    }

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsAnyOfSeveralTags() {
        String etag = given().get("/api/v1/cities/kobe").then().extract().header("ETag");
        given().header("If-None-Match", "W/" + etag).get("/api/v1/cities/kobe").then().statusCode(304);
        given().header("If-None-Match", "\"other\", " + etag).get("/api/v1/cities/kobe").then().statusCode(304);
        given().header("If-None-Match", etag.substring(0, etag.length() - 1)).get("/api/v1/cities/kobe").then().statusCode(200);
    }

    @Test
    void browsersOnOtherOriginsMayRead() {
        given().header("Origin", "https://any.example").get("/api/v1/cities").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void overlongSearchTextIsRejected() {
        given().queryParam("q", "x".repeat(201)).get("/api/v1/cities").then()
                .statusCode(400)
                .body("errors.field", contains("q"));
    }

    @Test
    void unknownCityIsA404Problem() {
        given().get("/api/v1/cities/atlantis").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404))
                .body("detail", is("No city 'atlantis'"))
                .body("instance", is("/api/v1/cities/atlantis"));
    }

    @Test
    void aMatchingIfNoneMatchGets304WithoutBody() {
        String etag = given().get("/api/v1/cities/okayama").then().extract().header("ETag");
        given().header("If-None-Match", etag).get("/api/v1/cities/okayama").then()
                .statusCode(304)
                .header("ETag", is(etag));
        given().header("If-None-Match", "\"stale\"").get("/api/v1/cities/okayama").then().statusCode(200);
    }
}
