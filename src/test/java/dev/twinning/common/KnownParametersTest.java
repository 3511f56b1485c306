package dev.twinning.common;

import static dev.twinning.user.Staff.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

/** An unknown query parameter under /api/v1 is a 400 naming it; the known ones still work. */
@QuarkusTest
class KnownParametersTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/cities?contry=CN", "/api/v1/cities/kobe?expand=all", "/api/v1/countries?size=5",
            "/api/v1/agreements?country=CN&_=123", "/api/v1/pages/friendship-cities/survey?form=2024-01-01",
            "/api/v1/pages?preview=true&publish=true", "/api/v1/locales?x=1"})
    void anUnknownParameterIsA400NamingIt(String url) {
        String name = url.substring(url.lastIndexOf(url.contains("&") ? '&' : '?') + 1, url.lastIndexOf('='));
        given().get(url).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(name))
                .body("errors[0].message", containsString("not a parameter"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/cities?country=CN&size=5&page=0&sort=name&locale=ko",
            "/api/v1/cities/kobe?locale=ja", "/api/v1/countries?locale=zh", "/api/v1/agreements?country=JP&type=SISTER_CITY",
            "/api/v1/pages/friendship-cities/survey?from=2024-01-01&to=2024-12-31", "/api/v1/media/1/content?width=160"})
    void knownParametersAreAccepted(String url) {
        int status = given().get(url).then().extract().statusCode();
        org.assertj.core.api.Assertions.assertThat(status).isIn(200, 404);
    }

    @org.junit.jupiter.api.Test
    void previewOnReadsAndPublishOnWritesAreKnownForContent() {
        asEditor().get("/api/v1/cities/kobe?preview=true").then().statusCode(200);
        asEditor().contentType("application/merge-patch+json").body("{}").patch("/api/v1/cities/kobe?publish=true").then()
                .statusCode(200);
        asEditor().contentType("application/merge-patch+json").body("{}").patch("/api/v1/cities/kobe?preview=true").then()
                .statusCode(400)
                .body("errors.field", contains("preview"));
        given().get("/api/v1/cities?country=CN&contry=JP&siz=3").then()
                .statusCode(400)
                .body("errors.field", contains("contry", "siz"))
                .body("errors.size()", is(2));
    }
}
