package dev.twinning.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Every vote answered 201 is counted exactly once, and none that was refused, under parallel clients. */
@QuarkusTest
class SurveyConcurrencyTest {

    private static final String PAGE = "survey-concurrency";
    private static final int VOTES = 400;
    private static final int CLIENTS = 16;

    @BeforeEach
    void createPage() {
        SurveyPages.create(PAGE, Map.of());
    }

    @AfterEach
    void deletePage() {
        SurveyPages.delete(PAGE);
    }

    @Test
    void parallelVotesAreCountedExactly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<int[]>> results = new ArrayList<>();
        try {
            for (int i = 0; i < VOTES; i++) {
                Rating rating = Rating.values()[i % Rating.values().length];
                // every fourth visitor id repeats an earlier one, so some votes are refused with 429
                String visitor = "visitor-" + (i % 4 == 3 ? i - 1 : i);
                results.add(pool.submit(() -> new int[]{rating.ordinal(), given().header("X-Visitor-Id", visitor)
                        .contentType("application/json").body("{\"rating\":\"" + rating + "\"}")
                        .post("/api/v1/pages/" + PAGE + "/votes").statusCode()}));
            }
            Map<Rating, Integer> accepted = new EnumMap<>(Rating.class);
            int refused = 0;
            for (Future<int[]> result : results) {
                int[] outcome = result.get(60, TimeUnit.SECONDS);
                if (outcome[1] == 201) {
                    accepted.merge(Rating.values()[outcome[0]], 1, Integer::sum);
                } else {
                    assertThat(outcome[1]).as("status of a refused vote").isEqualTo(429);
                    refused++;
                }
            }
            assertThat(refused).isEqualTo(VOTES / 4);
            int acceptedTotal = accepted.values().stream().mapToInt(Integer::intValue).sum();
            given().get("/api/v1/pages/" + PAGE + "/survey").then()
                    .statusCode(200)
                    .body("participants", org.hamcrest.Matchers.is(acceptedTotal));
            for (Rating rating : Rating.values()) {
                given().get("/api/v1/pages/" + PAGE + "/survey").then()
                        .body("counts." + rating.name(), org.hamcrest.Matchers.is(accepted.getOrDefault(rating, 0)));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
