package dev.twinning.hardening;

import static dev.twinning.user.Staff.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

@QuarkusTest
class HttpHardeningTest {

    private static final String VOTES = "/api/v1/pages/friendship-cities/votes";
    private static final String LISTED_ORIGIN = "https://www.bucheon.example";

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/cities", "/api/v1/cities/no-such-city", "/q/openapi", "/q/health/ready"})
    void everyResponseCarriesSecurityHeadersAndNoServerBanner(String path) {
        given().get(path).then()
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("Server", nullValue())
                .header("X-Powered-By", nullValue());
    }

    @Test
    void swaggerUiGetsAPolicyThatLetsItRun() {
        Response page = given().get("/q/swagger-ui/");
        page.then().statusCode(200).header("Content-Security-Policy", containsString("script-src 'self' 'unsafe-inline'"));
        assertThat(page.headers().getValues("Content-Security-Policy")).hasSize(1);
    }

    @Test
    void aRequestIdIsEchoedAndNamedInProblems() {
        String id = given().get("/api/v1/cities/no-such-city").then()
                .statusCode(404)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        given().get("/api/v1/cities/no-such-city").then().body("requestId", not(is(id)));

        given().header("X-Request-Id", "support-ticket-42").get("/api/v1/cities/no-such-city").then()
                .header("X-Request-Id", "support-ticket-42")
                .body("requestId", is("support-ticket-42"));
    }

    @Test
    void anUnsafeRequestIdIsReplaced() {
        given().header("X-Request-Id", "<script>alert(1)</script>").get("/api/v1/cities").then()
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void anyOriginMayReadButOnlyListedOriginsMayWrite() {
        DatabaseSnapshot before = DatabaseSnapshot.take();
        given().header("Origin", "https://elsewhere.example").header("X-Visitor-Id", "cors-refused")
                .contentType("application/json").body("{\"rating\":\"AVERAGE\"}").post(VOTES).then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("https://elsewhere.example"));
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .options(VOTES).then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        asAdmin().header("Origin", "https://elsewhere.example").delete("/api/v1/cities/kobe").then().statusCode(403);
        assertThat(DatabaseSnapshot.take()).isEqualTo(before);

        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/cities").then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, HEAD");
        given().header("Origin", LISTED_ORIGIN).header("Access-Control-Request-Method", "DELETE")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/v1/cities/kobe").then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", LISTED_ORIGIN)
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Vary", containsString("Origin"));
    }

    /** Swagger UI sends Origin with its writes; on the API's own host that is not cross-origin. */
    @Test
    void theApisOwnOriginIsNotCrossOrigin() {
        given().header("Origin", "http://localhost:" + RestAssured.port).contentType("application/json")
                .body("{\"rating\":\"NOT_A_RATING\"}").post(VOTES).then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("rating"));
    }
}
