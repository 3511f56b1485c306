package dev.twinning.common.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The operator's switches: TWINNING_REQUEST_LOG=errors logs only failed (and slow) requests, and
 * TWINNING_READ_CACHE_ENABLED=false answers every public read from the database.
 */
@QuarkusTest
@TestProfile(Uncached.class)
class QuietAndUncachedTest {

    @Inject
    ReadCache cache;

    @Test
    void onlyFailedRequestsAreLoggedAndNothingIsCached() throws InterruptedException {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {

            @Override
            public void publish(LogRecord record) {
                synchronized (lines) {
                    lines.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger requests = Logger.getLogger("dev.twinning.http");
        requests.addHandler(capture);
        try {
            for (int i = 0; i < 3; i++) {
                given().get("/api/v1/cities?country=CN").then().statusCode(200);
            }
            given().get("/api/v1/cities/atlantis").then().statusCode(404);
            Thread.sleep(300); // the line is written when the response has ended
        } finally {
            requests.removeHandler(capture);
        }
        synchronized (lines) {
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).startsWith("GET /api/v1/cities/{idOrSlug} 404");
        }
        assertThat(cache.size()).isZero();
    }
}
