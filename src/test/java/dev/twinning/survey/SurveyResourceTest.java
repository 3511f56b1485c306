package dev.twinning.survey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SurveyResourceTest {

    private static final String PAGE = "survey-test";
    private static final String VOTES = "/api/v1/pages/" + PAGE + "/votes";

    @BeforeEach
    void createPageWithTheSeedsTenVotes() {
        SurveyPages.create(PAGE, Map.of("VERY_SATISFIED", 10));
    }

    @AfterEach
    void deletePage() {
        SurveyPages.delete(PAGE);
    }

    @Test
    void aFreshInstallAnswersExactlyTheSpecObjectForTheFriendshipCitiesPage() {
        String body = given().get("/api/v1/pages/friendship-cities/survey").then()
                .statusCode(200)
                .contentType("application/json")
                .extract().asString();
        org.assertj.core.api.Assertions.assertThat(body)
                .isEqualTo("{\"page\":\"friendship-cities\",\"participants\":10,\"score\":20,"
                        + "\"counts\":{\"VERY_SATISFIED\":10,\"SATISFIED\":0,\"AVERAGE\":0,\"UNSATISFIED\":0,\"VERY_UNSATISFIED\":0},"
                        + "\"mean\":5.0,\"satisfiedPercent\":100.0}");
    }

    @Test
    void aNewVoteMovesTenParticipantsWithScoreTwentyToElevenAndTwentyOne() {
        given().get("/api/v1/pages/" + PAGE + "/survey").then().body("participants", is(10)).body("score", is(20));
        vote("{\"rating\":\"SATISFIED\"}", "visitor-1").then()
                .statusCode(201)
                .body("page", is(PAGE))
                .body("rating", is("SATISFIED"))
                // The answer carries the updated result, so a widget need not read it again.
                .body("survey.participants", is(11))
                .body("survey.score", is(21))
                .body("survey.counts.SATISFIED", is(1));
        given().get("/api/v1/pages/" + PAGE + "/survey").then()
                .body("participants", is(11))
                .body("score", is(21))
                .body("counts.SATISFIED", is(1))
                .body("mean", is(4.91f))
                .body("satisfiedPercent", is(100.0f));
    }

    @Test
    void scoreMeanAndShareFollowTheWeights() {
        for (String rating : new String[]{"AVERAGE", "UNSATISFIED", "VERY_UNSATISFIED", "VERY_UNSATISFIED"}) {
            vote("{\"rating\":\"" + rating + "\"}", UUID.randomUUID().toString()).then().statusCode(201);
        }
        given().get("/api/v1/pages/" + PAGE + "/survey").then()
                .body("participants", is(14))
                .body("score", is(20 - 1 - 4))
                .body("mean", is(4.07f))
                .body("satisfiedPercent", is(71.4f));
    }

    @Test
    void aPageWithoutVotesHasZeroScoreAndNoAverages() {
        given().get("/api/v1/pages/sister-cities/survey").then()
                .body("participants", is(0))
                .body("score", is(0))
                .body("counts.AVERAGE", is(0))
                .body("mean", nullValue())
                .body("satisfiedPercent", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"rating\":0}", "{\"rating\":\"very_satisfied\"}", "{\"rating\":\"GOOD\"}", "{}",
            "{\"rating\":null}", "{\"rating\":\"SATISFIED\",\"page\":\"other\"}", "[\"SATISFIED\"]", "\"SATISFIED\"",
            "{\"rating\":"})
    void aBadVoteIsA400AndNothingIsCounted(String body) {
        vote(body, UUID.randomUUID().toString()).then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().get("/api/v1/pages/" + PAGE + "/survey").then().body("participants", is(10));
    }

    @Test
    void aFrontEndOnAnotherOriginMayVote() {
        given().header("Origin", "https://www.bucheon.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-visitor-id")
                .options(VOTES).then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", "https://www.bucheon.example")
                .header("Access-Control-Allow-Methods", org.hamcrest.Matchers.containsString("POST"));
        given().header("Origin", "https://www.bucheon.example").header("X-Visitor-Id", "cross-origin")
                .contentType("application/json").body("{\"rating\":\"AVERAGE\"}").post(VOTES).then()
                .statusCode(201)
                .header("Access-Control-Allow-Origin", "https://www.bucheon.example");
    }

    @Test
    void duplicateKeysAndTrailingTextAreRefused() {
        vote("{\"rating\":\"SATISFIED\",\"rating\":\"AVERAGE\"}", "dup").then().statusCode(400)
                .contentType("application/problem+json");
        vote("{\"rating\":\"SATISFIED\"} x", "trailing").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/pages/" + PAGE + "/survey").then().body("participants", is(10));
    }

    @Test
    void votingOnAnUnknownPageIs404() {
        given().contentType("application/json").body("{\"rating\":\"SATISFIED\"}").post("/api/v1/pages/nowhere/votes").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aVisitorVotesOncePerPageAndDayAndTheRepeatIs429WithRetryAfter() {
        vote("{\"rating\":\"AVERAGE\"}", "same-visitor").then().statusCode(201);
        Response repeat = vote("{\"rating\":\"VERY_SATISFIED\"}", "same-visitor");
        repeat.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", startsWith(""));
        org.assertj.core.api.Assertions.assertThat(Long.parseLong(repeat.header("Retry-After"))).isBetween(1L, 86_400L);
        vote("{\"rating\":\"AVERAGE\"}", "another-visitor").then().statusCode(201);
        given().get("/api/v1/pages/" + PAGE + "/survey").then()
                .body("participants", is(12))
                .body("counts.AVERAGE", is(2));
    }

    @Test
    void withoutAVisitorIdTheClientAddressAndUserAgentIdentifyTheVisitor() {
        given().header("User-Agent", "kiosk-a").contentType("application/json").body("{\"rating\":\"AVERAGE\"}").post(VOTES)
                .then().statusCode(201);
        given().header("User-Agent", "kiosk-a").contentType("application/json").body("{\"rating\":\"AVERAGE\"}").post(VOTES)
                .then().statusCode(429);
        given().header("User-Agent", "kiosk-b").contentType("application/json").body("{\"rating\":\"AVERAGE\"}").post(VOTES)
                .then().statusCode(201);
    }

    @Test
    void anOverlongVisitorIdIsA400() {
        vote("{\"rating\":\"AVERAGE\"}", "v".repeat(129)).then().statusCode(400);
    }

    @Test
    void theAllTimeResultEqualsTheWidestWindowWhetherThePageIsNamedByKeyOrId() {
        for (String rating : new String[]{"SATISFIED", "AVERAGE", "VERY_UNSATISFIED"}) {
            vote("{\"rating\":\"" + rating + "\"}", UUID.randomUUID().toString()).then().statusCode(201);
        }
        String allTime = given().get("/api/v1/pages/" + PAGE + "/survey").then().statusCode(200).extract().asString();
        String widestWindow = given().get("/api/v1/pages/" + PAGE + "/survey?from=2000-01-01&to=2100-01-01").then()
                .statusCode(200).extract().asString();
        long id = given().get("/api/v1/pages/" + PAGE).then().extract().jsonPath().getLong("id");
        String byId = given().get("/api/v1/pages/" + id + "/survey").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(allTime).isEqualTo(widestWindow).isEqualTo(byId)
                .contains("\"participants\":13");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-page", "999999999", "Not%20a%20key"})
    void theSurveyOfAnUnknownPageIs404(String page) {
        given().get("/api/v1/pages/" + page + "/survey").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void dateWindowsAreInclusiveAndValidated() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        given().get("/api/v1/pages/" + PAGE + "/survey?from=" + today + "&to=" + today).then().body("participants", is(10));
        given().get("/api/v1/pages/" + PAGE + "/survey?to=" + today.minusDays(1)).then().body("participants", is(0));
        given().get("/api/v1/pages/" + PAGE + "/survey?from=" + today.plusDays(1)).then().body("participants", is(0));
        given().get("/api/v1/pages/" + PAGE + "/survey?from=2024-02-30").then()
                .statusCode(400)
                .body("errors.field", contains("from"));
        given().get("/api/v1/pages/" + PAGE + "/survey?from=2025-02-01&to=2025-01-01").then()
                .statusCode(400)
                .body("errors.field", contains("from"));
    }

    @Test
    void theDailySeriesHasEveryDayOfTheWindowZerosIncluded() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        given().get("/api/v1/pages/" + PAGE + "/survey/daily").then()
                .statusCode(200)
                .body("days", hasSize(30))
                .body("to", is(today.toString()))
                .body("days[29].participants", is(10))
                .body("days[0].participants", is(0));
        given().get("/api/v1/pages/" + PAGE + "/survey/daily?from=2020-01-01&to=2022-01-01").then()
                .statusCode(400);
        given().get("/api/v1/pages/" + PAGE + "/survey/daily?from=+999999999-12-31").then().statusCode(400);
    }

    @Test
    void csvHasAHeaderRowForTheAggregateTheDailySeriesAndAllPages() {
        given().accept("text/csv").get("/api/v1/pages/" + PAGE + "/survey").then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(is(
                        "page,participants,score,VERY_SATISFIED,SATISFIED,AVERAGE,UNSATISFIED,VERY_UNSATISFIED,mean,satisfiedPercent\r\n"
                                + PAGE + ",10,20,10,0,0,0,0,5.0,100.0\r\n"));
        String daily = given().accept("text/csv").get("/api/v1/pages/" + PAGE + "/survey/daily").then()
                .statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(daily.split("\r\n")).hasSize(31)
                .startsWith("date,participants,score,VERY_SATISFIED,SATISFIED,AVERAGE,UNSATISFIED,VERY_UNSATISFIED");
        String all = given().accept("text/csv").get("/api/v1/survey").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(all).contains("\r\nfriendship-cities,10,20,10,0,0,0,0,5.0,100.0\r\n")
                .contains("\r\nsister-cities,0,0,0,0,0,0,0,,\r\n");
    }

    @Test
    void theOverviewListsEveryPageInKeyOrder() {
        given().get("/api/v1/survey").then()
                .statusCode(200)
                .body("items.page", contains("friendship-cities", "sister-cities", PAGE))
                .body("items.participants", everyItem(lessThanOrEqualTo(10)))
                .body("items[0].participants", greaterThan(0));
    }

    private static Response vote(String body, String visitor) {
        return given().header("X-Visitor-Id", visitor).contentType("application/json").body(body).post(VOTES);
    }
}
