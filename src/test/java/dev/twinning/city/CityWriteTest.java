package dev.twinning.city;

import static dev.twinning.user.Staff.asAdmin;
import static dev.twinning.user.Staff.asEditor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import dev.twinning.user.Staff;

@QuarkusTest
class CityWriteTest {

    private static final String GDANSK = "{\"name\":\"Gdańsk\",\"nativeName\":\"Gdańsk\",\"country\":\"PL\","
            + "\"population\":486000,\"website\":\"https://www.gdansk.pl\"}";

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void deleteCreatedCities() {
        created.forEach(slug -> asAdmin().delete("/api/v1/cities/" + slug));
    }

    @Test
    void anEditorCreatesACityAndGets201WithLocationETagAndAuditFields() {
        Response response = create(GDANSK);
        response.then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/cities/gdansk"))
                .header("ETag", startsWith("\""))
                .body("slug", is("gdansk"))
                .body("version", is(0))
                .body("createdBy", is(Staff.EDITOR))
                .body("updatedBy", is(Staff.EDITOR))
                .body("agreements", org.hamcrest.Matchers.empty());
        asEditor().get("/api/v1/cities/gdansk?preview=true").then()
                .statusCode(200)
                .header("ETag", is(response.header("ETag")));
        given().get("/api/v1/cities/gdansk").then()
                .statusCode(200)
                .body("population", is(486000));
    }

    @Test
    void aDerivedSlugThatIsTakenGetsASuffixAndATakenExplicitSlugIs409() {
        create("{\"name\":\"Ho Chi Minh City\",\"country\":\"VN\"}").then()
                .statusCode(201)
                .body("slug", is("ho-chi-minh-city-2"));
        create("{\"slug\":\"harbin\",\"name\":\"Harbin Two\",\"country\":\"CN\"}").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("harbin"));
    }

    @Test
    void anonymousAndWronglyAuthenticatedWritesGet401AndChangeNothing() {
        List<String> challenges = given().contentType("application/json").body(GDANSK).post("/api/v1/cities?publish=true")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .extract().headers().getValues("WWW-Authenticate");
        assertThat(challenges).hasSize(2).anySatisfy(challenge -> assertThat(challenge).startsWith("Basic realm="))
                .anySatisfy(challenge -> assertThat(challenge).startsWith("Bearer realm="));
        given().auth().preemptive().basic(Staff.EDITOR, "wrong-password").contentType("application/json").body(GDANSK)
                .post("/api/v1/cities?publish=true").then().statusCode(401);
        given().contentType("application/merge-patch+json").body("{\"population\":1}")
                .patch("/api/v1/cities/harbin?publish=true")
                .then().statusCode(401);
        given().contentType("application/json").body(GDANSK).put("/api/v1/cities/harbin?publish=true").then().statusCode(401);
        given().delete("/api/v1/cities/harbin").then().statusCode(401);
        given().get("/api/v1/cities/gdansk").then().statusCode(404);
        given().get("/api/v1/cities/harbin").then().body("population", is(9910000));
    }

    @Test
    void mergePatchChangesTheGivenFieldsAndNullRemovesAnOptionalOne() {
        String etag = create(GDANSK).header("ETag");
        asEditor().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"population\":490000,\"website\":null,\"region\":\"Pomerania\"}")
                .patch("/api/v1/cities/gdansk?publish=true").then()
                .statusCode(200)
                .header("ETag", not(etag))
                .body("population", is(490000))
                .body("website", nullValue())
                .body("region", is("Pomerania"))
                .body("nativeName", is("Gdańsk"))
                .body("version", is(1));
    }

    @Test
    void theMergedResultIsValidatedAsAWhole() {
        create(GDANSK);
        asEditor().contentType("application/merge-patch+json").body("{\"name\":null,\"country\":\"pl\"}")
                .patch("/api/v1/cities/gdansk?publish=true").then()
                .statusCode(400)
                .body("errors.field", contains("country", "name"));
        given().get("/api/v1/cities/gdansk").then().body("name", is("Gdańsk")).body("version", is(0));
    }

    @Test
    void putReplacesEveryFieldAndKeepsTheSlugWhenAbsent() {
        create(GDANSK);
        asEditor().contentType("application/json").body("{\"name\":\"Gdansk\",\"country\":\"PL\"}")
                .put("/api/v1/cities/gdansk?publish=true").then()
                .statusCode(200)
                .body("slug", is("gdansk"))
                .body("name", is("Gdansk"))
                .body("population", nullValue())
                .body("website", nullValue());
    }

    @Test
    void staleIfMatchIsRejectedWith412AndChangesNothing() {
        String stale = create(GDANSK).header("ETag");
        asEditor().contentType("application/merge-patch+json").body("{\"population\":1}")
                .patch("/api/v1/cities/gdansk?publish=true").then().statusCode(200);

        asEditor().contentType("application/merge-patch+json").header("If-Match", stale).body("{\"population\":2}")
                .patch("/api/v1/cities/gdansk?publish=true").then()
                .statusCode(412)
                .contentType("application/problem+json");
        asEditor().contentType("application/json").header("If-Match", stale).body(GDANSK)
                .put("/api/v1/cities/gdansk?publish=true").then().statusCode(412);
        asEditor().header("If-Match", stale).delete("/api/v1/cities/gdansk").then().statusCode(412);

        given().get("/api/v1/cities/gdansk").then().statusCode(200).body("population", is(1));
    }

    @Test
    void ofConcurrentEditsFromTheSameVersionExactlyOneWins() throws Exception {
        String etag = create(GDANSK).header("ETag");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int population = 1000 + i;
                statuses.add(pool.submit(() -> asEditor().contentType("application/merge-patch+json").header("If-Match", etag)
                        .body("{\"population\":" + population + "}").patch("/api/v1/cities/gdansk?publish=true").statusCode()));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get(30, TimeUnit.SECONDS));
            }
            assertThat(codes).isSubsetOf(200, 409, 412).containsOnlyOnce(200);
        } finally {
            pool.shutdownNow();
        }
        given().get("/api/v1/cities/gdansk").then().body("version", is(1));
    }

    @Test
    void deletingACityThatAgreementsReferenceIs409AndDeletesNothing() {
        asEditor().delete("/api/v1/cities/harbin").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("agreements with ids"))
                .body("detail", containsString("signatories with ids"));
        given().get("/api/v1/cities/harbin").then().statusCode(200);
    }

    @Test
    void deletingAnUnreferencedCityIs204ThenItIsGone() {
        String etag = create(GDANSK).header("ETag");
        asEditor().header("If-Match", etag).delete("/api/v1/cities/gdansk").then().statusCode(204);
        given().get("/api/v1/cities/gdansk").then().statusCode(404);
        asEditor().delete("/api/v1/cities/gdansk").then().statusCode(404);
    }

    @Test
    void everyInvalidFieldIsListed() {
        create("{\"slug\":\"Not A Slug\",\"name\":\"\",\"country\":\"XX\",\"population\":-1,\"populationYear\":20000,"
                + "\"areaKm2\":1.234,\"averageTemperatureC\":99,\"website\":\"javascript:alert(1)\",\"latitude\":91,"
                + "\"description\":\"" + "x".repeat(20001) + "\"}").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("areaKm2", "averageTemperatureC", "country", "description", "latitude", "name",
                        "population", "populationYear", "slug", "website"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"X\",\"country\":\"PL\",\"id\":99}|id",
            "{\"name\":\"X\",\"country\":\"PL\",\"version\":7}|version",
            "{\"name\":\"X\",\"country\":\"PL\",\"createdBy\":\"mallory\"}|createdBy",
            "{\"name\":\"X\",\"country\":\"PL\",\"population\":\"many\"}|population",
            "{\"name\":[1],\"country\":\"PL\"}|name"})
    void unknownPropertiesAndWrongTypesAreRejectedNamingTheField(String body, String field) {
        create(body).then().statusCode(400).body("errors.field", contains(field));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\":123,\"country\":\"PL\"}|name",
            "{\"name\":\"X\",\"country\":\"PL\",\"population\":1.5}|population",
            "{\"name\":\"X\",\"country\":\"PL\",\"population\":\"100\"}|population",
            "{\"name\":\"X\",\"country\":\"PL\",\"areaKm2\":true}|areaKm2",
            "{\"name\":\"A\\u0000B\",\"country\":\"PL\"}|name"})
    void valuesOfTheWrongJsonTypeAreRefusedNotCoerced(String body, String field) {
        create(body).then().statusCode(400).body("errors.field", contains(field));
    }

    @Test
    void aNameWithoutLatinLettersNeedsAnExplicitSlug() {
        create("{\"name\":\"부천\",\"country\":\"KR\"}").then().statusCode(400).body("errors.field", contains("slug"));
        create("{\"slug\":\"2024\",\"name\":\"Year\",\"country\":\"KR\"}").then().statusCode(400).body("errors.field",
                contains("slug"));
        create("{\"slug\":\"bucheon-hangul\",\"name\":\"부천\",\"country\":\"KR\"}").then().statusCode(201);
    }

    @Test
    void anEmptyPatchChangesNothing() {
        String etag = asEditor().get("/api/v1/cities/kobe?preview=true").then().extract().header("ETag");
        asEditor().contentType("application/merge-patch+json").body("{}").patch("/api/v1/cities/kobe?publish=true").then()
                .statusCode(200)
                .header("ETag", is(etag));
    }

    @Test
    void malformedJsonAndAWrongMediaTypeAreProblems() {
        create("{\"name\":").then().statusCode(400).contentType("application/problem+json");
        create("[]").then().statusCode(400).contentType("application/problem+json");
        asEditor().contentType("text/plain").body("Gdańsk").post("/api/v1/cities?publish=true").then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void writingAnUnknownCityIs404() {
        asEditor().contentType("application/merge-patch+json").body("{}").patch("/api/v1/cities/atlantis?publish=true").then()
                .statusCode(404);
        asEditor().contentType("application/json").body(GDANSK).put("/api/v1/cities/atlantis?publish=true").then()
                .statusCode(404);
    }

    private Response create(String body) {
        Response response = asEditor().contentType("application/json").body(body).post("/api/v1/cities?publish=true");
        if (response.statusCode() == 201) {
            created.add(response.path("slug"));
        }
        return response;
    }

    @Test
    void aCurrentIfMatchIsAccepted() {
        String etag = create(GDANSK).header("ETag");
        asAdmin().contentType("application/merge-patch+json").header("If-Match", etag).body("{\"population\":3}")
                .patch("/api/v1/cities/gdansk?publish=true").then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("updatedBy", is(Staff.ADMIN))
                .body("createdBy", is(Staff.EDITOR));
    }
}
