package dev.twinning.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/** Errors the framework raises still come out as RFC 9457 problems with nothing internal in them. */
@QuarkusTest
class ProblemResponseTest {

    @ParameterizedTest
    @CsvSource({"/api/v1/nowhere", "/api/v1/cities/harbin/twins", "/nowhere"})
    void unknownPathsAre404Problems(String path) {
        given().get(path).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", is("about:blank"))
                .body("title", is("Not Found"))
                .body("status", is(404))
                .body("instance", is(path));
    }

    @Test
    void anUnsupportedMethodIsA405Problem() {
        given().delete("/api/v1/countries").then()
                .statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", is("GET, HEAD, OPTIONS"))
                .body("status", is(405));
        // a city's own path takes other methods than the collection
        given().post("/api/v1/cities/harbin").then()
                .statusCode(405)
                .header("Allow", allOf(containsString("GET"), containsString("PATCH"), containsString("DELETE"),
                        not(containsString("POST"))));
        // paths served by a sub-resource too
        given().delete("/api/v1/cities/harbin/revisions/1/restore").then()
                .statusCode(405)
                .header("Allow", is("POST, OPTIONS"));
        // and where two resource classes share a prefix (pages, and their survey)
        given().get("/api/v1/pages/friendship-cities/votes").then()
                .statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", is("POST, OPTIONS"));
        // a path no resource serves stays a 404
        given().delete("/api/v1/pages/friendship-cities/no-such-thing").then()
                .statusCode(404)
                .header("Allow", nullValue());
    }

    @Test
    void optionsNamesExactlyTheMethodsOfThePath() {
        // the collection takes no PUT, PATCH or DELETE although the class's other path does
        given().options("/api/v1/cities").then()
                .statusCode(204)
                .header("Allow", is("GET, HEAD, POST, OPTIONS"));
        given().options("/api/v1/cities/harbin").then()
                .statusCode(204)
                .header("Allow", is("GET, HEAD, PUT, PATCH, DELETE, OPTIONS"));
        given().options("/api/v1/pages/friendship-cities/votes").then()
                .statusCode(204)
                .header("Allow", is("POST, OPTIONS"));
        // a trailing slash is the same path, as for the other methods
        given().options("/api/v1/cities/").then()
                .statusCode(204)
                .header("Allow", is("GET, HEAD, POST, OPTIONS"));
        given().delete("/api/v1/cities/").then()
                .statusCode(405)
                .header("Allow", is("GET, HEAD, POST, OPTIONS"));
        // Quarkus REST answered 200 here, for any path under a resource class's prefix
        given().options("/api/v1/no-such-thing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .header("Allow", nullValue());
    }

    @Test
    void anUnacceptableMediaTypeIsA406Problem() {
        given().accept("text/csv").get("/api/v1/cities").then()
                .statusCode(406)
                .contentType("application/problem+json")
                .body("status", is(406));
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/cities/%00", "/api/v1/pages/%00", "/api/v1/agreements/%00", "/api/v1/cities/har%00bin"})
    void aNulCharacterInAPathIsA404NotA500(String path) {
        given().urlEncodingEnabled(false).get(path).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aNulCharacterInLoginOrSearchIsA4xxNotA500() {
        given().auth().preemptive().basic("a\0b", "password").get("/api/v1/users").then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("q", "a\0b").get("/api/v1/cities").then().statusCode(400);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET|/api/v1/cities?sort=name;drop table cities|",
            "GET|/api/v1/agreements?establishedFrom=2024-02-30&status=x|",
            "POST|/api/v1/pages/friendship-cities/votes|{\"rating\":",
            "POST|/api/v1/pages/friendship-cities/votes|{\"rating\":\"SATISFIED\",\"rating\":\"AVERAGE\"}",
            "POST|/api/v1/pages/friendship-cities/votes|{\"rating\":{\"$gt\":\"\"}}"})
    void problemsShowNoStackTraceSqlOrClassName(String method, String path, String body) {
        String answer = given().contentType("application/json").body(body == null ? "" : body).request(method, path).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract().asString();
        org.hamcrest.MatcherAssert.assertThat(answer, allOf(
                not(containsString("Exception")), not(containsString("dev.twinning")), not(containsString("com.fasterxml")),
                not(containsString("org.hibernate")), not(containsString("SQL")), not(containsString("\tat "))));
    }
}
