package dev.twinning.hardening;

import static dev.twinning.user.Staff.asAdmin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every write endpoint and every list endpoint against the bad inputs a client, a crawler or an attacker may
 * send. Each must get the right 4xx as problem+json that names the offending field or parameter, shows
 * nothing of the implementation, and leaves every table as it was.
 */
@QuarkusTest
class BadInputBatteryTest {

    private static final String JSON = "application/json";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    /** Words that would betray a stack trace, SQL or the libraries behind the API. */
    private static final Pattern LEAK = Pattern.compile(
            "(?i)exception|\\bat [a-z]+\\.|java\\.|jakarta\\.|org\\.|com\\.|dev\\.twinning|hibernate|jackson|vert\\.?x|quarkus|resteasy|postgres|sqlstate|\\bselect\\b|\\binsert\\b|\\bwhere\\b");

    record Write(String method, String path, String mediaType) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Bad(String name, byte[] body, int status, String field) {

        static Bad of(String name, String body, int status, String field) {
            return new Bad(name, body.getBytes(StandardCharsets.UTF_8), status, field);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Write> writes() {
        return List.of(
                new Write("POST", "/api/v1/cities", JSON),
                new Write("PUT", "/api/v1/cities/kobe", JSON),
                new Write("PATCH", "/api/v1/cities/kobe", MERGE_PATCH),
                new Write("POST", "/api/v1/agreements", JSON),
                new Write("PUT", "/api/v1/agreements/{agreement}", JSON),
                new Write("PATCH", "/api/v1/agreements/{agreement}", MERGE_PATCH),
                new Write("POST", "/api/v1/signatories", JSON),
                new Write("PUT", "/api/v1/signatories/{signatory}", JSON),
                new Write("PATCH", "/api/v1/signatories/{signatory}", MERGE_PATCH),
                new Write("POST", "/api/v1/pages", JSON),
                new Write("PUT", "/api/v1/pages/sister-cities", JSON),
                new Write("PATCH", "/api/v1/pages/sister-cities", MERGE_PATCH),
                new Write("POST", "/api/v1/pages/friendship-cities/votes", JSON),
                new Write("POST", "/api/v1/import", JSON),
                new Write("POST", "/api/v1/users", JSON),
                new Write("PATCH", "/api/v1/users/{user}", MERGE_PATCH));
    }

    static List<Bad> badBodies() {
        byte[] invalidUtf8 = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
        return List.of(
                Bad.of("malformed JSON", "{\"name\": ", 400, null),
                Bad.of("trailing garbage", "{} {}", 400, null),
                Bad.of("a JSON array", "[]", 400, null),
                Bad.of("a JSON string", "\"Harbin\"", 400, null),
                Bad.of("a JSON number", "42", 400, null),
                Bad.of("JSON null", "null", 400, null),
                Bad.of("an empty body", "", 400, null),
                Bad.of("an unknown property", "{\"bogus\": 1}", 400, "bogus"),
                Bad.of("nested 5000 levels", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000), 400, null),
                Bad.of("arrays nested 5000 levels", "[".repeat(5000) + "]".repeat(5000), 400, null),
                new Bad("invalid UTF-8", invalidUtf8, 400, null),
                Bad.of("a body over 1 MB", "{\"name\":\"" + "x".repeat(1_100_000) + "\"}", 413, null));
    }

    static Stream<Arguments> everyWriteWithEveryBadBody() {
        return writes().stream().flatMap(write -> badBodies().stream().map(bad -> Arguments.of(write, bad)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyWriteWithEveryBadBody")
    void badBodiesAreRefusedAndChangeNothing(Write write, Bad bad) {
        DatabaseSnapshot before = DatabaseSnapshot.take();
        Response response = send(write, asAdmin().contentType(write.mediaType()).body(bad.body()));
        assertProblem(response, bad.status(), bad.field());
        assertThat(DatabaseSnapshot.take()).isEqualTo(before);
    }

    static Stream<Arguments> everyWriteWithAWrongMediaType() {
        return writes().stream().flatMap(write -> Stream.of(
                Arguments.of(write, "text/plain", "*/*", 415),
                Arguments.of(write, "application/xml", "*/*", 415),
                Arguments.of(write, "application/x-www-form-urlencoded", "*/*", 415),
                Arguments.of(write, write.mediaType(), "application/xml", 406)));
    }

    @ParameterizedTest(name = "{0}: Content-Type {1}, Accept {2}")
    @MethodSource("everyWriteWithAWrongMediaType")
    void wrongMediaTypesAreRefusedAndChangeNothing(Write write, String contentType, String accept, int status) {
        DatabaseSnapshot before = DatabaseSnapshot.take();
        Response response = send(write, asAdmin().contentType(contentType).accept(accept).body("{\"rating\":\"AVERAGE\"}"));
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertProblem(response, status, null);
        assertThat(DatabaseSnapshot.take()).isEqualTo(before);
    }

    static Stream<Arguments> fieldErrors() {
        List<Arguments> cases = new ArrayList<>();
        String city = "{\"name\":\"Testville\",\"country\":\"DE\",";
        for (Write write : List.of(writes().get(0), writes().get(1))) {
            cases.add(Arguments.of(write, "{\"name\":\"Testville\",\"country\":\"XX\"}", "country"));
            cases.add(Arguments.of(write, "{\"name\":\"Testville\",\"country\":\"de; drop table cities\"}", "country"));
            cases.add(Arguments.of(write, city + "\"population\":-5}", "population"));
            cases.add(Arguments.of(write, city + "\"population\":99999999999999999999999}", "population"));
            cases.add(Arguments.of(write, city + "\"population\":\"many\"}", "population"));
            cases.add(Arguments.of(write, city + "\"population\":1.5}", "population"));
            cases.add(Arguments.of(write, city + "\"populationYear\":99999}", "populationYear"));
            cases.add(Arguments.of(write, city + "\"latitude\":1e400}", "latitude"));
            cases.add(Arguments.of(write, city + "\"latitude\":91}", "latitude"));
            cases.add(Arguments.of(write, city + "\"website\":\"javascript:alert(1)\"}", "website"));
            cases.add(Arguments.of(write, city + "\"website\":\"data:text/html,<script>alert(1)</script>\"}", "website"));
            cases.add(Arguments.of(write, "{\"name\":\"" + "x".repeat(201) + "\",\"country\":\"DE\"}", "name"));
            cases.add(Arguments.of(write, city + "\"slug\":\"../../etc/passwd\"}", "slug"));
            cases.add(Arguments.of(write, "{\"name\":\"   \",\"country\":\"DE\"}", "name"));
            cases.add(Arguments.of(write, "{\"name\":[\"Testville\"],\"country\":\"DE\"}", "name"));
        }
        cases.add(Arguments.of(writes().get(2), "{\"country\":\"XX\"}", "country"));
        cases.add(Arguments.of(writes().get(2), "{\"website\":\"javascript:alert(1)\"}", "website"));
        cases.add(Arguments.of(writes().get(2), "{\"name\":null}", "name"));
        String agreement = "{\"homeCityId\":1,\"partnerCityId\":2,\"type\":\"SISTER_CITY\",";
        for (Write write : List.of(writes().get(3), writes().get(4))) {
            cases.add(Arguments.of(write, agreement + "\"establishedOn\":\"2024-02-30\"}", "establishedOn"));
            cases.add(Arguments.of(write, agreement + "\"establishedOn\":\"yesterday\"}", "establishedOn"));
            cases.add(Arguments.of(write, agreement + "\"status\":\"MAYBE\"}", "status"));
            cases.add(Arguments.of(write, "{\"homeCityId\":1,\"partnerCityId\":2,\"type\":\"TWIN\"}", "type"));
            cases.add(Arguments.of(write, "{\"homeCityId\":-1,\"partnerCityId\":2,\"type\":\"SISTER_CITY\"}", "homeCityId"));
            cases.add(
                    Arguments.of(write, "{\"homeCityId\":\"one\",\"partnerCityId\":2,\"type\":\"SISTER_CITY\"}", "homeCityId"));
            cases.add(Arguments.of(write, agreement + "\"notes\":\"" + "x".repeat(20001) + "\"}", "notes"));
        }
        cases.add(Arguments.of(writes().get(5), "{\"establishedOn\":\"2024-13-01\"}", "establishedOn"));
        cases.add(Arguments.of(writes().get(5), "{\"type\":\"sister_city\"}", "type"));
        for (Write write : List.of(writes().get(6), writes().get(7))) {
            cases.add(Arguments.of(write, "{\"name\":\"A\",\"cityId\":\"x\"}", "cityId"));
            cases.add(Arguments.of(write, "{\"name\":\"" + "x".repeat(201) + "\",\"cityId\":1}", "name"));
        }
        for (Write write : List.of(writes().get(9), writes().get(10))) {
            cases.add(Arguments.of(write, "{\"key\":\"Not A Slug!\",\"title\":\"T\"}", "key"));
            cases.add(Arguments.of(write, "{\"key\":\"ok-key\",\"title\":\"" + "x".repeat(201) + "\"}", "title"));
        }
        Write votes = writes().get(12);
        cases.add(Arguments.of(votes, "{\"rating\":5}", "rating"));
        cases.add(Arguments.of(votes, "{\"rating\":\"GREAT\"}", "rating"));
        cases.add(Arguments.of(votes, "{\"rating\":\"very_satisfied\"}", "rating"));
        cases.add(Arguments.of(votes, "{\"rating\":{\"$gt\":\"\"}}", "rating"));
        cases.add(
                Arguments.of(writes().get(14), "{\"username\":\"x\",\"password\":\"long-enough-password\",\"role\":\"EDITOR\"}",
                        "username"));
        cases.add(Arguments.of(writes().get(14), "{\"username\":\"new.editor\",\"password\":\"short\",\"role\":\"EDITOR\"}",
                "password"));
        cases.add(Arguments.of(writes().get(14),
                "{\"username\":\"new.editor\",\"password\":\"long-enough-password\",\"role\":\"ROOT\"}",
                "role"));
        cases.add(Arguments.of(writes().get(15), "{\"enabled\":\"yes\"}", "enabled"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void fieldErrors(Write write, String body, String field) {
        DatabaseSnapshot before = DatabaseSnapshot.take();
        Response response = send(write, asAdmin().contentType(write.mediaType()).body(body));
        assertProblem(response, 400, field);
        assertThat(DatabaseSnapshot.take()).isEqualTo(before);
    }

    static Stream<Arguments> badListParameters() {
        List<Arguments> cases = new ArrayList<>();
        for (String list : List.of("/api/v1/cities", "/api/v1/agreements", "/api/v1/signatories", "/api/v1/pages",
                "/api/v1/users")) {
            cases.add(Arguments.of(list, "page", "-1"));
            cases.add(Arguments.of(list, "page", "two"));
            cases.add(Arguments.of(list, "page", "99999999999999999999"));
            cases.add(Arguments.of(list, "size", "0"));
            cases.add(Arguments.of(list, "size", "10001"));
            cases.add(Arguments.of(list, "size", "1e3"));
            cases.add(Arguments.of(list, "sort", "password"));
            cases.add(Arguments.of(list, "sort", "name;drop table cities"));
            cases.add(Arguments.of(list, "sort", "-"));
        }
        cases.add(Arguments.of("/api/v1/cities", "country", "XX"));
        cases.add(Arguments.of("/api/v1/cities", "country", "' OR 1=1 --"));
        cases.add(Arguments.of("/api/v1/cities", "type", "CAPITAL"));
        cases.add(Arguments.of("/api/v1/cities", "q", "x".repeat(201)));
        cases.add(Arguments.of("/api/v1/agreements", "country", "%"));
        cases.add(Arguments.of("/api/v1/agreements", "type", "TWIN"));
        cases.add(Arguments.of("/api/v1/agreements", "status", "maybe"));
        cases.add(Arguments.of("/api/v1/agreements", "establishedFrom", "2024-02-30"));
        cases.add(Arguments.of("/api/v1/agreements", "establishedTo", "tomorrow"));
        cases.add(Arguments.of("/api/v1/survey", "from", "2024-02-30"));
        cases.add(Arguments.of("/api/v1/pages/friendship-cities/survey", "to", "2024-13-01"));
        cases.add(Arguments.of("/api/v1/pages/friendship-cities/survey/daily", "from", "yesterday"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}?{1}={2}")
    @MethodSource
    void badListParameters(String list, String parameter, String value) {
        DatabaseSnapshot before = DatabaseSnapshot.take();
        Response response = asAdmin().queryParam(parameter, value).get(list);
        assertProblem(response, 400, parameter);
        assertThat(DatabaseSnapshot.take()).isEqualTo(before);
    }

    /** Search text is plain text: quotes, SQL and LIKE wildcards match literally, so they find nothing here. */
    @ParameterizedTest(name = "q={0}")
    @MethodSource
    void sqlAndWildcardsInSearchAreJustText(String q) {
        DatabaseSnapshot before = DatabaseSnapshot.take();
        given().queryParam("q", q).get("/api/v1/cities").then().statusCode(200).body("total", org.hamcrest.Matchers.is(0));
        assertThat(DatabaseSnapshot.take()).isEqualTo(before);
    }

    static Stream<String> sqlAndWildcardsInSearchAreJustText() {
        return Stream.of("%", "_", "%%%", "' OR '1'='1", "'; drop table cities; --", "\\", "harbin%", "h_rbin", "*", "(.*)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void unknownAndNonNumericIdsAre404(String path) {
        Response response = asAdmin().get(path);
        assertProblem(response, 404, null);
    }

    static Stream<String> unknownAndNonNumericIdsAre404() {
        return Stream.of("/api/v1/agreements/abc", "/api/v1/agreements/999999999", "/api/v1/agreements/-1",
                "/api/v1/agreements/99999999999999999999", "/api/v1/signatories/1.5", "/api/v1/users/0x10",
                "/api/v1/cities/no-such-city", "/api/v1/pages/no-such-page", "/api/v1/pages/no-such-page/survey",
                "/api/v1/cities/%27%20or%201%3D1");
    }

    private static Response send(Write write, RequestSpecification request) {
        return request.request(write.method(), resolve(write.path()));
    }

    private static final java.util.Map<String, String> IDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String resolve(String path) {
        return path
                .replace("{agreement}", firstId("/api/v1/agreements"))
                .replace("{signatory}", firstId("/api/v1/signatories"))
                .replace("{user}", firstId("/api/v1/users"));
    }

    private static String firstId(String list) {
        return IDS.computeIfAbsent(list, BadInputBatteryTest::fetchFirstId);
    }

    private static String fetchFirstId(String list) {
        return asAdmin().queryParam("size", 1).get(list).then().statusCode(200).extract().path("items[0].id").toString();
    }

    static void assertProblem(Response response, int status, String field) {
        String body = response.asString();
        assertThat(response.statusCode()).as(body).isEqualTo(status);
        assertThat(response.contentType()).as(body).startsWith("application/problem+json");
        response.then().body("status", org.hamcrest.Matchers.is(status)).body("title", notNullValue())
                .body("requestId", notNullValue());
        if (field != null) {
            response.then().body("errors.field", hasItem(field));
        }
        assertThat(LEAK.matcher(body).find()).as("no implementation detail in %s", body).isFalse();
    }
}
