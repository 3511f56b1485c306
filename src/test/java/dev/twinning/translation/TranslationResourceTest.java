package dev.twinning.translation;

import static dev.twinning.user.Staff.asAdmin;
import static dev.twinning.user.Staff.asEditor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Reading content in several locales with per-field fallback, and editing its translations. */
@QuarkusTest
class TranslationResourceTest {

    private static final String WEIHAI_KO = "{\"name\":\"웨이하이\",\"region\":\"산둥성\"}";

    @AfterEach
    void removeTranslations() {
        for (String city : List.of("weihai", "harbin", "shenyang")) {
            for (String locale : List.of("ko", "ja")) {
                asAdmin().delete("/api/v1/cities/" + city + "/translations/" + locale + "?publish=true");
            }
        }
        asAdmin().delete("/api/v1/pages/friendship-cities/translations/ko?publish=true");
        asAdmin().delete("/api/v1/signatories/1/translations/ko?publish=true");
    }

    @Test
    void aKoreanTranslationIsServedWithEnglishFallbackNamedPerField() {
        putKorean("cities/weihai", WEIHAI_KO).then().statusCode(200)
                .header("ETag", containsString("\""))
                .body("name", is("Weihai"));

        given().queryParam("locale", "ko").get("/api/v1/cities/weihai").then().statusCode(200)
                .header("Content-Language", "ko")
                .header("Vary", containsString("Accept-Language"))
                .body("name", is("웨이하이"))
                .body("region", is("산둥성"))
                .body("nativeName", is("山東省威海市"))
                .body("locale", is("ko"))
                .body("fallbacks.description", is("en"))
                .body("fallbacks.regionalFeatures", is("en"))
                .body("fallbacks.name", nullValue())
                .body("fallbacks.region", nullValue())
                .body("description", is("Economic/cultural city"));
        given().get("/api/v1/cities/weihai").then()
                .header("Content-Language", "en")
                .body("name", is("Weihai"))
                .body("locale", is("en"))
                .body("fallbacks", is(Map.of()));
    }

    @Test
    void acceptLanguageChoosesTheLocaleWhenThereIsNoParameter() {
        putKorean("cities/weihai", WEIHAI_KO);
        given().header("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.8").get("/api/v1/cities/weihai").then()
                .header("Content-Language", "ko").body("name", is("웨이하이"));
        given().header("Accept-Language", "fr-FR,de;q=0.5").get("/api/v1/cities/weihai").then()
                .statusCode(200).header("Content-Language", "en").body("name", is("Weihai"));
        given().header("Accept-Language", "ko").queryParam("locale", "en").get("/api/v1/cities/weihai").then()
                .header("Content-Language", "en").body("name", is("Weihai"));
    }

    @Test
    void embeddedObjectsAreLocalizedToo() {
        putKorean("cities/weihai", WEIHAI_KO);
        putKorean("signatories/1", "{\"name\":\"이해선\",\"title\":\"시장\"}");

        given().queryParam("locale", "ko").get("/api/v1/pages/sister-cities").then().statusCode(200)
                .body("agreements.find { it.partnerCity.slug == 'weihai' }.partnerCity.name", is("웨이하이"))
                .body("agreements.find { it.partnerCity.slug == 'weihai' }.partnerCity.locale", is("ko"))
                .body("agreements.find { it.partnerCity.slug == 'harbin' }.partnerCity.fallbacks.name", is("en"))
                .body("agreements.signatories.flatten().find { it.id == 1 }.name", is("이해선"))
                .body("agreements.signatories.flatten().find { it.id == 1 }.title", is("시장"))
                .body("agreements.signatories.flatten().find { it.id == 1 }.city.locale", is("ko"))
                .body("fallbacks.title", is("en"));
        given().queryParam("locale", "ko").queryParam("country", "CN").get("/api/v1/agreements").then()
                .body("items.partnerCity.name", hasItem("웨이하이"));
        given().queryParam("locale", "ko").get("/api/v1/signatories/1").then()
                .body("name", is("이해선")).body("city.locale", is("ko")).body("agreements.partnerCity.locale", hasItem("ko"));
    }

    @Test
    void theReadCacheAndETagsAreKeptPerLocale() {
        putKorean("cities/weihai", WEIHAI_KO);
        String korean = null;
        String english = null;
        for (int i = 0; i < 3; i++) {
            Response ko = given().header("Accept-Language", "ko").get("/api/v1/cities/weihai");
            Response en = given().header("Accept-Language", "en").get("/api/v1/cities/weihai");
            assertThat(ko.jsonPath().getString("name")).isEqualTo("웨이하이");
            assertThat(en.jsonPath().getString("name")).isEqualTo("Weihai");
            assertThat(ko.header("Content-Language")).isEqualTo("ko");
            assertThat(en.header("Content-Language")).isEqualTo("en");
            korean = ko.header("ETag");
            english = en.header("ETag");
            assertThat(korean).isNotEqualTo(english);
            Response koList = given().queryParam("locale", "ko").queryParam("q", "weihai").get("/api/v1/cities");
            Response enList = given().queryParam("q", "weihai").get("/api/v1/cities");
            assertThat(koList.jsonPath().getList("items.name")).containsExactly("웨이하이");
            assertThat(enList.jsonPath().getList("items.name")).containsExactly("Weihai");
        }
        given().header("Accept-Language", "ko").header("If-None-Match", korean).get("/api/v1/cities/weihai").then()
                .statusCode(304);
        given().header("Accept-Language", "en").header("If-None-Match", korean).get("/api/v1/cities/weihai").then()
                .statusCode(200);
    }

    @Test
    void searchFindsNamesInEveryLocaleAndAliases() {
        putKorean("cities/weihai", WEIHAI_KO);
        for (String q : List.of("웨이하이", "weihei", "WEILHEL", "威海", "웨이")) {
            given().queryParam("q", q).get("/api/v1/cities").then().statusCode(200)
                    .body("items.slug", is(List.of("weihai")));
        }
        given().queryParam("q", "Ho Chi Minh").get("/api/v1/cities").then().body("items.slug", is(List.of("ho-chi-minh-city")));
        given().get("/api/v1/cities/weihai").then().body("aliases", is(List.of("Weihei", "Weilhel")));
        given().get("/api/v1/cities/ho-chi-minh-city").then().body("aliases", is(List.of("Ho Chi Minh")));
    }

    @Test
    void sortByNameUsesTheRequestedLanguagesCollation() {
        putKorean("cities/harbin", "{\"name\":\"하얼빈\"}");
        putKorean("cities/shenyang", "{\"name\":\"선양\"}");
        List<String> korean = given().queryParam("locale", "ko").queryParam("country", "CN").queryParam("sort", "name")
                .get("/api/v1/cities").jsonPath().getList("items.name");
        // Korean collation puts Hangul first, in dictionary order; the other cities fall back to English names.
        assertThat(korean).startsWith("선양", "하얼빈").hasSize(7);
        assertThat(korean.subList(2, 7)).isSorted();
        List<String> english = given().queryParam("country", "CN").queryParam("sort", "name").get("/api/v1/cities").jsonPath()
                .getList("items.name");
        assertThat(english).startsWith("Harbin").isSorted();
        List<String> descending = given().queryParam("locale", "ko").queryParam("country", "CN").queryParam("sort", "-name")
                .get("/api/v1/cities").jsonPath().getList("items.name");
        assertThat(descending).endsWith("하얼빈", "선양");
    }

    @Test
    void countriesAreNamedFromCldrInTheRequestedLocale() {
        given().queryParam("locale", "ko").get("/api/v1/countries").then().statusCode(200)
                .header("Content-Language", "ko")
                .body("items.find { it.code == 'CN' }.name", is("중국"))
                .body("items.find { it.code == 'CN' }.cities", is(7))
                .body("items.find { it.code == 'JP' }.name", is("일본"));
        given().header("Accept-Language", "ja").get("/api/v1/countries").then()
                .body("items.find { it.code == 'CN' }.name", is("中国"));
        given().get("/api/v1/countries").then().body("items.find { it.code == 'CN' }.name", is("China"));
    }

    @Test
    void translationsAreListedForStaffWithTheDefaultLocaleFirst() {
        putKorean("cities/weihai", WEIHAI_KO);
        Response all = asEditor().get("/api/v1/cities/weihai/translations");
        all.then().statusCode(200).header("Cache-Control", "private, no-store")
                .body("en.name", is("Weihai"))
                .body("en.region", is("Shandong"))
                .body("ko.name", is("웨이하이"))
                .body("ja", nullValue());
        assertThat(all.jsonPath().getMap("$").keySet()).containsExactly("en", "ko");
        all.then().header("Content-Language", "en, ko");
        asEditor().get("/api/v1/cities/weihai/translations/ko").then().statusCode(200).header("Content-Language", "ko")
                .body("$", is(Map.of("name", "웨이하이", "region", "산둥성")));
        asEditor().get("/api/v1/cities/weihai/translations/ja").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/cities/weihai/translations").then().statusCode(401);
        given().queryParam("locale", "ko").get("/api/v1/locales").then().statusCode(200)
                .body("default", is("en")).body("items", is(List.of("en", "ko", "zh", "ja", "ru", "vi")));
    }

    @Test
    void pagesAndSignatoriesAreTranslatableAndDeletingARemovesItsText() {
        Response put = putKorean("pages/friendship-cities", "{\"title\":\"우호도시\"}");
        put.then().statusCode(200);
        given().queryParam("locale", "ko").get("/api/v1/pages/friendship-cities").then()
                .body("title", is("우호도시")).body("locale", is("ko"));
        String tag = asEditor().queryParam("locale", "ko").get("/api/v1/pages/friendship-cities?preview=true").header("ETag");
        asEditor().header("Accept-Language", "ko").header("If-Match", tag)
                .delete("/api/v1/pages/friendship-cities/translations/ko?publish=true").then().statusCode(204)
                .header("ETag", not(tag));
        given().queryParam("locale", "ko").get("/api/v1/pages/friendship-cities").then()
                .body("title", is("Friendship Cities")).body("fallbacks.title", is("en"));
        asEditor().delete("/api/v1/pages/friendship-cities/translations/ko?publish=true").then().statusCode(404);
    }

    @Test
    void theDefaultLocaleCanBeReplacedButNotRemoved() {
        asEditor().contentType(ContentType.JSON).body("{\"name\":\"Weihai\",\"region\":\"Shandong Province\"}")
                .put("/api/v1/cities/weihai/translations/en?publish=true").then().statusCode(200)
                .body("region", is("Shandong Province"))
                .body("description", nullValue());
        try {
            asEditor().delete("/api/v1/cities/weihai/translations/en?publish=true").then().statusCode(409)
                    .contentType("application/problem+json");
            given().get("/api/v1/cities/weihai").then().body("name", is("Weihai"));
        } finally {
            Map<String, Object> restored = Map.of("name", "Weihai", "region", "Shandong", "description",
                    "Economic/cultural city",
                    "regionalFeatures",
                    "Located at the eastern end of Shandong peninsula, China. Nationally designated rural environmental city, as well as a tourism & recreation city");
            asEditor().contentType(ContentType.JSON).body(restored).put("/api/v1/cities/weihai/translations/en?publish=true")
                    .then()
                    .statusCode(200);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cities/weihai/translations/fr      | {\"name\":\"Weihai\"}        | 400 | locale",
            "cities/weihai/translations/ko-KR   | {\"name\":\"웨이하이\"}       | 400 | locale",
            "cities/weihai/translations/ko      | {\"nativeName\":\"威海\"}     | 400 | nativeName",
            "cities/weihai/translations/ko      | {\"name\":42}                | 400 | name",
            "cities/weihai/translations/ko      | {\"name\":null}              | 400 | name",
            "cities/weihai/translations/ko      | {\"name\":\"  \"}            | 400 | name",
            "cities/weihai/translations/ko      | [\"웨이하이\"]                | 400 | body",
            "cities/weihai/translations/en      | {\"region\":\"Shandong\"}    | 400 | name",
            "pages/friendship-cities/translations/ko | {\"name\":\"우호\"}        | 400 | name",
            "agreements/1/translations/ko       | {\"notes\":\"메모\"}          | 404 | ",
            "cities/atlantis/translations/ko    | {\"name\":\"아틀란티스\"}      | 404 | "})
    void badTranslationWritesAreRefusedAndChangeNothing(String path, String body, int status, String field) {
        String before = asEditor().get("/api/v1/cities/weihai/translations").asString();
        Response response = asEditor().contentType(ContentType.JSON).body(body).put("/api/v1/" + path);
        response.then().statusCode(status).contentType("application/problem+json");
        if (field != null) {
            assertThat(response.jsonPath().getList("errors.field")).contains(field);
        }
        assertThat(asEditor().get("/api/v1/cities/weihai/translations").asString()).isEqualTo(before);
    }

    @Test
    void aTooLongTextIsRefusedNamingTheField() {
        asEditor().contentType(ContentType.JSON).body(Map.of("name", "웨".repeat(201)))
                .put("/api/v1/cities/weihai/translations/ko?publish=true").then().statusCode(400)
                .body("errors.field", hasItem("name"));
        asEditor().get("/api/v1/cities/weihai/translations/ko").then().statusCode(404);
    }

    @Test
    void aStaleIfMatchIsRejectedAndChangesNothing() {
        String stale = given().get("/api/v1/cities/weihai").header("ETag");
        putKorean("cities/weihai", WEIHAI_KO);
        asEditor().contentType(ContentType.JSON).header("If-Match", stale).body("{\"name\":\"위해\"}")
                .put("/api/v1/cities/weihai/translations/ko?publish=true").then().statusCode(412);
        asEditor().header("If-Match", stale).delete("/api/v1/cities/weihai/translations/ko?publish=true").then()
                .statusCode(412);
        given().queryParam("locale", "ko").get("/api/v1/cities/weihai").then().body("name", is("웨이하이"));
        String current = asEditor().get("/api/v1/cities/weihai?preview=true").header("ETag");
        asEditor().contentType(ContentType.JSON).header("If-Match", current).body("{\"name\":\"위해\"}")
                .put("/api/v1/cities/weihai/translations/ko?publish=true").then().statusCode(200);
    }

    @Test
    void writesNeedAnEditor() {
        given().contentType(ContentType.JSON).body(WEIHAI_KO).put("/api/v1/cities/weihai/translations/ko?publish=true").then()
                .statusCode(401);
        given().delete("/api/v1/cities/weihai/translations/ko?publish=true").then().statusCode(401);
        given().queryParam("locale", "ko").get("/api/v1/cities/weihai").then().body("name", is("Weihai"));
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/cities, fr", "/api/v1/cities/weihai, ko_KR", "/api/v1/countries, x",
            "/api/v1/pages/friendship-cities/survey, 123"})
    void aBadLocaleParameterIsA400NamingLocale(String path, String locale) {
        given().queryParam("locale", locale).get(path).then().statusCode(400)
                .contentType("application/problem+json")
                .header("Content-Language", "en")
                .body("errors.field", hasItem("locale"));
    }

    @Test
    void everyAnswerNamesItsLanguageAndVariesByIt() {
        given().queryParam("locale", "ru").get("/api/v1/pages/friendship-cities/survey").then().statusCode(200)
                .header("Content-Language", "ru").header("Vary", containsString("Accept-Language"));
        given().get("/api/v1/cities/atlantis").then().statusCode(404).header("Content-Language", "en");
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/cities?q=%", "/api/v1/cities?locale=%zz", "/api/v1/countries?x=%e"})
    void aQueryThatCannotBeDecodedIsA400NotA500(String target) throws IOException {
        // Sent as raw bytes: HTTP clients refuse to send such a target at all.
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).isEqualTo("HTTP/1.1 400");
        }
    }

    @Test
    void theParameterInAnotherCaseIsUnknownAndChoosesNothing() {
        putKorean("cities/weihai", WEIHAI_KO);
        for (int i = 0; i < 2; i++) {
            given().header("Accept-Language", "ko").queryParam("Locale", "ko").get("/api/v1/cities/weihai").then()
                    .statusCode(400).body("errors[0].field", is("Locale"));
            given().header("Accept-Language", "ko").get("/api/v1/cities/weihai").then()
                    .header("Content-Language", "ko").body("name", is("웨이하이"));
        }
    }

    private static Response putKorean(String record, String body) {
        return asEditor().contentType(ContentType.JSON).body(body).put("/api/v1/" + record + "/translations/ko?publish=true");
    }
}
