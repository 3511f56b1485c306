package dev.twinning.transfer;

import static dev.twinning.user.Staff.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TransferResourceTest {

    @Test
    void theExportHoldsTheWholeSeed() {
        asAdmin().get("/api/v1/export").then()
                .statusCode(200)
                .body("cities.find { it.slug == 'harbin' }.nativeName", is("黑龍江省哈爾濱市"))
                .body("agreements.find { it.partnerCity == 'weihai' }.establishedOn", is("2000-01-07"))
                .body("pages.find { it.key == 'friendship-cities' }.agreements", hasSize(8))
                .body("pages.find { it.key == 'friendship-cities' }.votes.VERY_SATISFIED", is(10));
    }

    @Test
    void importingTheExportBackUpdatesAndCreatesNothing() {
        String export = asAdmin().get("/api/v1/export").asString();
        asAdmin().contentType("application/json").body(export).post("/api/v1/import").then()
                .statusCode(200)
                .body("created.cities", is(0))
                .body("created.agreements", is(0))
                .body("created.pages", is(0))
                .body("updated.pages", is(2))
                .body("votes", is(0));
        given().get("/api/v1/pages/friendship-cities").then().body("survey.participants", is(10));
    }

    @Test
    void anImportWithOneBadReferenceChangesNothing() {
        Map<String, Object> dataset = Map.of(
                "cities", List.of(Map.of("slug", "gdansk-import", "name", "Gdańsk", "country", "PL")),
                "signatories", List.of(),
                "agreements", List.of(Map.of("ref", "a", "homeCity", "bucheon", "partnerCity", "gdansk-import",
                        "type", "SISTER_CITY", "signatories", List.of("nobody"))),
                "pages", List.of(Map.of("key", "imported", "title", "Imported", "agreements", List.of("a"))));
        asAdmin().contentType("application/json").body(dataset).post("/api/v1/import").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("agreements[0].signatories[0]"));
        given().get("/api/v1/cities/gdansk-import").then().statusCode(404);
        given().get("/api/v1/pages/imported").then().statusCode(404);
    }

    @Test
    void anImportCreatesNewContentWithVotesInOneGo() {
        Map<String, Object> dataset = Map.of(
                "cities", List.of(Map.of("slug", "sopot-import", "name", "Sopot", "country", "PL")),
                "signatories", List.of(),
                "agreements",
                List.of(Map.of("ref", "a", "homeCity", "bucheon", "partnerCity", "sopot-import", "type", "FRIENDSHIP_CITY")),
                "pages", List.of(Map.of("key", "sopot-import", "title", "Sopot", "agreements", List.of("a"),
                        "votes", Map.of("SATISFIED", 3, "VERY_UNSATISFIED", 1))));
        try {
            asAdmin().contentType("application/json").body(dataset).post("/api/v1/import").then()
                    .statusCode(200)
                    .body("created.cities", is(1))
                    .body("created.agreements", is(1))
                    .body("created.pages", is(1))
                    .body("votes", is(4));
            given().get("/api/v1/pages/sopot-import").then()
                    .body("agreements.partnerCity.name", contains("Sopot"))
                    .body("survey.participants", is(4))
                    .body("survey.score", is(1));
        } finally {
            asAdmin().delete("/api/v1/pages/sopot-import");
            var city = given().get("/api/v1/cities/sopot-import");
            if (city.statusCode() == 200) {
                city.<List<Integer>>path("agreements.id").forEach(id -> asAdmin().delete("/api/v1/agreements/" + id));
                asAdmin().delete("/api/v1/cities/sopot-import").then().statusCode(204);
            }
        }
    }

    @Test
    void invalidEntriesAreNamedByTheirPathInTheDocument() {
        Map<String, Object> dataset = Map.of(
                "cities", List.of(Map.of("slug", "x-import", "name", "", "country", "PL")),
                "signatories", List.of(), "agreements", List.of(), "pages", List.of());
        asAdmin().contentType("application/json").body(dataset).post("/api/v1/import").then()
                .statusCode(400)
                .body("errors.field", contains("cities[0].name"));
        asAdmin().contentType("application/json").body("{\"cities\":[]}").post("/api/v1/import").then()
                .statusCode(400)
                .body("errors.field", contains("agreements", "pages", "signatories"));
    }

    @Test
    void translationsAndAliasesTravelThroughExportAndImport() {
        Map<String, Object> dataset = Map.of(
                "cities",
                List.of(Map.of("slug", "gdynia-import", "name", "Gdynia", "country", "PL", "aliases", List.of("Gdingen"))),
                "signatories", List.of(Map.of("ref", "mayor", "name", "Anna Nowak", "title", "Mayor", "city", "gdynia-import")),
                "agreements", List.of(),
                "pages", List.of(Map.of("key", "gdynia-import", "title", "Gdynia")),
                "translations", Map.of(
                        "cities", Map.of("gdynia-import", Map.of("ko", Map.of("name", "그디니아"))),
                        "signatories", Map.of("mayor", Map.of("ko", Map.of("title", "시장"))),
                        "pages", Map.of("gdynia-import", Map.of("JA", Map.of("title", "グディニャ")))));
        try {
            asAdmin().contentType("application/json").body(dataset).post("/api/v1/import").then().statusCode(200);
            given().queryParam("locale", "ko").get("/api/v1/cities/gdynia-import").then()
                    .body("name", is("그디니아")).body("aliases", contains("Gdingen"));
            given().queryParam("q", "gdingen").get("/api/v1/cities").then().body("items.slug", contains("gdynia-import"));
            given().queryParam("locale", "ja").get("/api/v1/pages/gdynia-import").then().body("title", is("グディニャ"));
            var export = asAdmin().get("/api/v1/export").then().statusCode(200)
                    .body("translations.cities.gdynia-import.ko.name", is("그디니아"))
                    .body("translations.pages.gdynia-import.ja.title", is("グディニャ"))
                    .body("cities.find { it.slug == 'gdynia-import' }.aliases", contains("Gdingen"))
                    .extract().jsonPath();
            String signatoryRef = export.getString("signatories.find { it.name == 'Anna Nowak' }.ref");
            assertThat(export.getString("translations.signatories." + signatoryRef + ".ko.title")).isEqualTo("시장");

            Map<String, Object> withoutTranslations = new java.util.HashMap<>(dataset);
            withoutTranslations.remove("translations");
            asAdmin().contentType("application/json").body(withoutTranslations).post("/api/v1/import").then().statusCode(200);
            given().queryParam("locale", "ko").get("/api/v1/cities/gdynia-import").then().body("name", is("그디니아"));

            Map<String, Object> emptyTranslations = new java.util.HashMap<>(dataset);
            emptyTranslations.put("translations", Map.of());
            asAdmin().contentType("application/json").body(emptyTranslations).post("/api/v1/import").then().statusCode(200);
            given().queryParam("locale", "ko").get("/api/v1/cities/gdynia-import").then()
                    .body("name", is("Gdynia")).body("fallbacks.name", is("en"));
        } finally {
            asAdmin().delete("/api/v1/pages/gdynia-import");
            given().get("/api/v1/signatories?size=100").<List<Integer>>path("items.findAll { it.name == 'Anna Nowak' }.id")
                    .forEach(id -> asAdmin().delete("/api/v1/signatories/" + id));
            asAdmin().delete("/api/v1/cities/gdynia-import");
        }
    }

    @Test
    void badTranslationsInAnImportAreNamedByPathAndChangeNothing() {
        Map<String, Object> dataset = Map.of(
                "cities", List.of(Map.of("slug", "gdynia-bad", "name", "Gdynia", "country", "PL")),
                "signatories", List.of(), "agreements", List.of(), "pages", List.of(),
                "translations", Map.of(
                        "cities", Map.of("gdynia-bad", Map.of("ko", Map.of("nativeName", "x"), "fr", Map.of("name", "Gdynia"),
                                "en", Map.of("name", "Gdynia")), "atlantis", Map.of("ko", Map.of("name", "아"))),
                        "agreements", Map.of()));
        asAdmin().contentType("application/json").body(dataset).post("/api/v1/import").then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("translations.cities.gdynia-bad.ko.nativeName",
                        "translations.cities.gdynia-bad.fr", "translations.cities.gdynia-bad.en",
                        "translations.cities.atlantis",
                        "translations.agreements"));
        given().get("/api/v1/cities/gdynia-bad").then().statusCode(404);
    }
}
