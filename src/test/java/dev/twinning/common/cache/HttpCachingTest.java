package dev.twinning.common.cache;

import static dev.twinning.user.Staff.asAdmin;
import static dev.twinning.user.Staff.asEditor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class HttpCachingTest {

    @Inject
    ReadCache cache;

    @Test
    void publicListsCarryCachingHeadersAndAnswerIfNoneMatchWith304() {
        Response first = given().get("/api/v1/cities?country=JP");
        first.then().statusCode(200)
                .header("Cache-Control", "public, max-age=60")
                .header("Vary", "Accept, Accept-Language")
                .header("ETag", notNullValue());
        String etag = first.header("ETag");
        Response again = given().get("/api/v1/cities?country=JP");
        assertThat(again.asString()).isEqualTo(first.asString());
        assertThat(again.header("ETag")).isEqualTo(etag);
        given().header("If-None-Match", etag).get("/api/v1/cities?country=JP").then()
                .statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", "public, max-age=60");
        given().header("If-None-Match", etag).get("/api/v1/cities?country=CN").then().statusCode(200);
    }

    @Test
    void everyPublicReadHasAnEtagThatRevalidates() {
        for (String path : new String[]{"/api/v1/countries", "/api/v1/agreements", "/api/v1/signatories", "/api/v1/pages",
                "/api/v1/pages/friendship-cities/survey", "/api/v1/survey"}) {
            String etag = given().get(path).then().statusCode(200).header("Cache-Control", "public, max-age=60")
                    .extract().header("ETag");
            assertThat(etag).as(path).isNotNull();
            given().header("If-None-Match", etag).get(path).then().statusCode(304);
        }
    }

    @Test
    void theSameQueryInAnotherParameterOrderSharesOneAnswer() {
        given().get("/api/v1/cities?country=CN&size=5&sort=name").then().statusCode(200);
        int held = cache.size();
        String etag = given().get("/api/v1/cities?size=5&sort=name&country=CN").then().statusCode(200).extract()
                .header("ETag");
        assertThat(cache.size()).isEqualTo(held);
        given().get("/api/v1/cities?sort=name&country=CN&size=5").then().statusCode(200).header("ETag", etag);
        assertThat(ReadCache.canonical("sort=name&country=CN&sort=population"))
                .isEqualTo("country=CN&sort=name&sort=population");
    }

    @Test
    void staffOnlyReadsAndWritesAreNeverStored() {
        asAdmin().get("/api/v1/users").then().statusCode(200).header("Cache-Control", "private, no-store");
        given().contentType("application/json").header("X-Visitor-Id", "cache-control-check")
                .body("{\"rating\":\"NOT_A_RATING\"}").post("/api/v1/pages/friendship-cities/votes").then()
                .statusCode(400)
                .header("Cache-Control", "no-store");
    }

    @Test
    void aWriteThroughTheApiIsSeenByTheNextRead() {
        long before = given().get("/api/v1/cities/kobe").then().extract().jsonPath().getLong("population");
        given().get("/api/v1/cities?country=JP").then().statusCode(200);
        try {
            asEditor().contentType("application/merge-patch+json").body("{\"population\":" + (before + 1) + "}")
                    .patch("/api/v1/cities/kobe?publish=true").then().statusCode(200);
            given().get("/api/v1/cities/kobe").then().body("population", is((int) (before + 1)));
            given().get("/api/v1/cities?country=JP").then().body("items.find { it.slug == 'kobe' }.population",
                    is((int) (before + 1)));
        } finally {
            asEditor().contentType("application/merge-patch+json").body("{\"population\":" + before + "}")
                    .patch("/api/v1/cities/kobe?publish=true").then().statusCode(200);
        }
    }

    @Test
    void aVoteIsSeenByTheNextReadOfTheSurveyAndThePage() {
        asEditor().contentType("application/json").body("{\"key\":\"cache-test\",\"title\":\"Cache test\"}")
                .post("/api/v1/pages?publish=true").then().statusCode(201);
        try {
            String survey = "/api/v1/pages/cache-test/survey";
            given().get(survey).then().body("participants", is(0));
            given().get("/api/v1/pages/cache-test").then().body("survey.participants", is(0));
            given().get("/api/v1/survey").then().body("items.find { it.page == 'cache-test' }.participants", is(0));
            given().contentType("application/json").header("X-Visitor-Id", "cache-invalidation")
                    .body("{\"rating\":\"SATISFIED\"}").post("/api/v1/pages/cache-test/votes").then().statusCode(201);
            given().get(survey).then().body("participants", is(1));
            given().get("/api/v1/pages/cache-test").then().body("survey.participants", is(1));
            given().get("/api/v1/survey").then().body("items.find { it.page == 'cache-test' }.participants", is(1));
        } finally {
            asEditor().delete("/api/v1/pages/cache-test").then().statusCode(204);
        }
    }

    /** Another instance writes straight to the database: its NOTIFY must reach this instance's cache. */
    @Test
    void aWriteByAnotherInstanceInvalidatesTheCache() throws Exception {
        String before = given().get("/api/v1/cities/kobe").then().extract().asString();
        given().get("/api/v1/cities/kobe").then().statusCode(200);
        try {
            sql("update cities set region = 'Changed elsewhere' where slug = 'kobe'");
            String after = awaitChange("/api/v1/cities/kobe", before);
            assertThat(after).contains("Changed elsewhere");
        } finally {
            restoreRegion(before);
        }
    }

    private static void restoreRegion(String representation) throws SQLException {
        String region = io.restassured.path.json.JsonPath.from(representation).getString("region");
        sql(region == null
                ? "update cities set region = null where slug = 'kobe'"
                : "update cities set region = '" + region.replace("'", "''") + "' where slug = 'kobe'");
    }

    /** NOTIFY is asynchronous; allow it the moment it needs to arrive, bounded well below a human's reaction. */
    private static String awaitChange(String path, String before) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 2_000;
        String now = given().get(path).asString();
        while (now.equals(before) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
            now = given().get(path).asString();
        }
        return now;
    }

    private static void sql(String statement) throws SQLException {
        try (Connection connection = Arc.container().instance(DataSource.class).get().getConnection();
                Statement sql = connection.createStatement()) {
            sql.executeUpdate(statement);
        }
    }
}
