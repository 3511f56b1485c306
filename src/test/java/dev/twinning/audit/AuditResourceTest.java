package dev.twinning.audit;

import static dev.twinning.user.Staff.asAdmin;
import static dev.twinning.user.Staff.asEditor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The audit log: what is recorded, by whom and in which request, how admins read it, and that it cannot be rewritten. */
@QuarkusTest
class AuditResourceTest {

    private static final String AUDIT = "/api/v1/audit";
    private static final String JSON = "application/json";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String PROBLEM = "application/problem+json";
    private static final String REQUEST_ID = "X-Request-Id";

    @Inject
    DataSource dataSource;

    @Inject
    AuditLog auditLog;

    @Test
    void onlyAdminsReadTheAuditLog() {
        given().get(AUDIT).then().statusCode(401).contentType(PROBLEM);
        asEditor().get(AUDIT).then().statusCode(403).contentType(PROBLEM);
        asEditor().accept("text/csv").get(AUDIT).then().statusCode(403);
        asAdmin().get(AUDIT).then().statusCode(200).header("Cache-Control", "private, no-store");
    }

    @Test
    void creatingChangingAndDeletingAUserIsRecordedWithTheRequestIdTheClientSent() {
        String created = requestId();
        String changed = requestId();
        String deleted = requestId();
        int id = asAdmin().header(REQUEST_ID, created).contentType(JSON)
                .body("{\"username\":\"audit.subject\",\"password\":\"audit-subject-password\",\"role\":\"EDITOR\"}")
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        asAdmin().header(REQUEST_ID, changed).contentType(MERGE_PATCH).body("{\"enabled\":false}")
                .patch("/api/v1/users/" + id).then().statusCode(200);
        asAdmin().header(REQUEST_ID, deleted).delete("/api/v1/users/" + id).then().statusCode(204);
        asAdmin().get("/api/v1/users/" + id).then().statusCode(404);

        List<Map<String, Object>> entries = asAdmin().queryParam("collection", "users").queryParam("size", 3).get(AUDIT)
                .then().statusCode(200).extract().path("items");
        assertThat(entries)
                .extracting(e -> e.get("action"), e -> e.get("id"), e -> e.get("requestId"), e -> e.get("user"),
                        e -> e.get("collection"), e -> e.get("revision"))
                .containsExactly(
                        tuple("DELETE", id, deleted, "admin", "users", null),
                        tuple("UPDATE", id, changed, "admin", "users", null),
                        tuple("CREATE", id, created, "admin", "users", null));
    }

    @Test
    void theLastEnabledAdminCannotBeDeletedAndTheRefusalLeavesNoEntry() {
        int adminId = adminId();
        assertThat(asAdmin().get("/api/v1/users?size=100").<List<String>>path(
                "items.findAll { it.role == 'ADMIN' && it.enabled }.username")).containsExactly("admin");
        long before = total(asAdmin());
        asAdmin().delete("/api/v1/users/" + adminId).then().statusCode(409).contentType(PROBLEM);
        asAdmin().delete("/api/v1/users/999999").then().statusCode(404);
        asEditor().delete("/api/v1/users/" + adminId).then().statusCode(403);
        asAdmin().get("/api/v1/users/" + adminId).then().statusCode(200);
        assertThat(total(asAdmin())).isEqualTo(before);
    }

    @Test
    void anImportIsOneEntryForTheWholeDatasetAndTheSeedIsTheSystems() {
        String export = asAdmin().get("/api/v1/export").asString();
        String id = requestId();
        asAdmin().header(REQUEST_ID, id).contentType(JSON).body(export).post("/api/v1/import").then().statusCode(200);

        asAdmin().queryParam("action", "IMPORT").get(AUDIT).then().statusCode(200)
                .body("items[0].requestId", is(id))
                .body("items[0].user", is("admin"))
                .body("items[0].collection", nullValue())
                .body("items[0].id", nullValue())
                .body("items[0].revision", nullValue());
        asAdmin().queryParam("action", "IMPORT").queryParam("user", AuditLog.SYSTEM).get(AUDIT).then().statusCode(200)
                .body("total", greaterThan(0))
                .body("items.requestId", everyItem(nullValue()));
    }

    @Test
    void uploadingChangingAndDeletingAnImageIsRecordedForTheEditorWhoDidIt() throws IOException {
        String uploaded = requestId();
        String replaced = requestId();
        String patched = requestId();
        String deleted = requestId();
        int id = asEditor().header(REQUEST_ID, uploaded).multiPart("file", "dot.png", png(), "image/png")
                .post("/api/v1/media").then().statusCode(201).extract().path("id");
        asEditor().header(REQUEST_ID, replaced).contentType(JSON).body("{\"alt\":\"A dot\"}").put("/api/v1/media/" + id)
                .then().statusCode(200);
        asEditor().header(REQUEST_ID, patched).contentType(MERGE_PATCH).body("{\"credit\":\"Tests\"}")
                .patch("/api/v1/media/" + id).then().statusCode(200);
        asEditor().header(REQUEST_ID, deleted).delete("/api/v1/media/" + id).then().statusCode(204);

        List<Map<String, Object>> entries = asAdmin().queryParam("collection", "media").queryParam("size", 4).get(AUDIT)
                .then().statusCode(200).extract().path("items");
        assertThat(entries)
                .extracting(e -> e.get("action"), e -> e.get("id"), e -> e.get("requestId"), e -> e.get("user"))
                .containsExactly(
                        tuple("DELETE", id, deleted, "test.editor"),
                        tuple("UPDATE", id, patched, "test.editor"),
                        tuple("UPDATE", id, replaced, "test.editor"),
                        tuple("CREATE", id, uploaded, "test.editor"));
    }

    @Test
    void filtersNarrowTheLogByUserCollectionActionAndTime() throws IOException {
        String uploaded = requestId();
        int id = asEditor().header(REQUEST_ID, uploaded).multiPart("file", "dot.png", png(), "image/png")
                .post("/api/v1/media").then().statusCode(201).extract().path("id");
        asEditor().delete("/api/v1/media/" + id).then().statusCode(204);
        String at = asAdmin().queryParam("collection", "media").queryParam("action", "CREATE").get(AUDIT)
                .then().body("items[0].requestId", is(uploaded)).extract().path("items[0].at");
        Instant instant = Instant.parse(at);
        LocalDate day = instant.atOffset(ZoneOffset.UTC).toLocalDate();

        asAdmin().queryParam("user", "TEST.EDITOR").queryParam("size", 100).get(AUDIT).then().statusCode(200)
                .body("items.user", everyItem(is("test.editor")))
                .body("items.requestId", hasItem(uploaded));
        asAdmin().queryParam("user", "admin").queryParam("size", 100).get(AUDIT).then()
                .body("items.user", everyItem(is("admin")))
                .body("items.requestId", not(hasItem(uploaded)));
        asAdmin().queryParam("collection", "media").queryParam("size", 100).get(AUDIT).then()
                .body("items.collection", everyItem(is("media")));
        asAdmin().queryParam("collection", "users").queryParam("size", 100).get(AUDIT).then()
                .body("items.collection", everyItem(is("users")))
                .body("items.requestId", not(hasItem(uploaded)));
        asAdmin().queryParam("action", "DELETE").queryParam("size", 100).get(AUDIT).then()
                .body("items.action", everyItem(is("DELETE")))
                .body("items.requestId", not(hasItem(uploaded)));

        // Both ends are inclusive: an instant to the microsecond, a day in UTC.
        RequestSpecification mine = asAdmin().queryParam("user", "test.editor").queryParam("collection", "media")
                .queryParam("action", "CREATE");
        assertThat(requestIds(asAdmin().queryParam("user", "test.editor").queryParam("from", at).queryParam("to", at)))
                .containsExactly(uploaded);
        assertThat(total(mine.queryParam("from", at))).isEqualTo(1);
        String justAfter = instant.plus(1, ChronoUnit.MICROS).toString();
        String justBefore = instant.minus(1, ChronoUnit.MICROS).toString();
        assertThat(requestIds(asAdmin().queryParam("from", justAfter))).doesNotContain(uploaded);
        assertThat(requestIds(asAdmin().queryParam("from", justBefore).queryParam("to", justAfter))).contains(uploaded);
        assertThat(requestIds(asAdmin().queryParam("to", justBefore).queryParam("size", 100))).doesNotContain(uploaded);
        assertThat(requestIds(asAdmin().queryParam("from", day.toString()).queryParam("to", day.toString())))
                .contains(uploaded);
        assertThat(requestIds(asAdmin().queryParam("from", day.plusDays(1).toString()))).isEmpty();
        assertThat(requestIds(asAdmin().queryParam("to", day.minusDays(1).toString()).queryParam("size", 100)))
                .doesNotContain(uploaded);
    }

    @Test
    void entriesComeNewestFirst() {
        for (int i = 0; i < 3; i++) {
            asAdmin().contentType(MERGE_PATCH).body("{}").patch("/api/v1/users/" + adminId()).then().statusCode(200);
        }
        List<String> at = asAdmin().queryParam("size", 100).get(AUDIT).then().statusCode(200).extract().path("items.at");
        assertThat(at).hasSizeGreaterThan(3);
        List<Instant> instants = at.stream().map(Instant::parse).toList();
        assertThat(instants).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void csvHasTheHeaderAndEveryMatchingEntryWhateverThePageSize() {
        String id = requestId();
        int userId = asAdmin().header(REQUEST_ID, id).contentType(JSON)
                .body("{\"username\":\"audit.csv\",\"password\":\"audit-csv-password\",\"role\":\"EDITOR\"}")
                .post("/api/v1/users").then().statusCode(201).extract().path("id");
        var json = asAdmin().queryParam("collection", "users").queryParam("action", "CREATE").queryParam("size", 1)
                .get(AUDIT).then().statusCode(200).extract();
        int total = json.path("total");
        String at = json.path("items[0].at");

        String csv = asAdmin().accept("text/csv").queryParam("collection", "users").queryParam("action", "CREATE")
                .queryParam("size", 1).get(AUDIT).then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(total).isGreaterThan(1);
        assertThat(lines).hasSize(total + 1);
        assertThat(lines[0]).isEqualTo("at,user,action,collection,id,revision,requestId");
        assertThat(lines[1]).isEqualTo(at + ",admin,CREATE,users," + userId + ",," + id);
        assertThat(List.of(lines).subList(1, lines.length)).allMatch(line -> line.contains(",CREATE,users,"));
    }

    @ParameterizedTest
    @CsvSource({
            "collection, city",
            "collection, tokens;drop",
            "action, update",
            "action, DROP TABLE",
            "from, yesterday",
            "from, 2026-05-01T25:00:00Z",
            "to, 2026-13-01",
            "to, 2026-05-01 10:00",
            "size, 101",
            "page, -1"})
    void aBadFilterIs400NamingIt(String name, String value) {
        asAdmin().queryParam(name, value).get(AUDIT).then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.field", contains(name));
        asAdmin().accept("text/csv").queryParam(name, value).get(AUDIT).then()
                .statusCode(400)
                .body(containsString(name));
    }

    @Test
    void fromAfterToIs400() {
        asAdmin().queryParam("from", "2026-05-02").queryParam("to", "2026-05-01").get(AUDIT).then()
                .statusCode(400).body("errors.field", contains("from"));
        asAdmin().queryParam("from", "2026-05-01T10:00:00Z").queryParam("to", "2026-05-01T09:59:59Z").get(AUDIT).then()
                .statusCode(400).body("errors.field", contains("from"));
        asAdmin().queryParam("from", "2026-05-01").queryParam("to", "2026-05-01").get(AUDIT).then().statusCode(200);
    }

    @Test
    void refusedWritesLeaveNoEntry() {
        long before = total(asAdmin());
        asAdmin().contentType(JSON)
                .body("{\"username\":\"System\",\"password\":\"a-long-enough-password\",\"role\":\"EDITOR\"}")
                .post("/api/v1/users").then().statusCode(400).body("errors.field", contains("username"));
        asAdmin().contentType(JSON).body("{\"username\":\"admin\",\"password\":\"a-long-enough-password\",\"role\":\"EDITOR\"}")
                .post("/api/v1/users").then().statusCode(409);
        asAdmin().contentType(MERGE_PATCH).body("{\"password\":\"short\"}").patch("/api/v1/users/" + adminId()).then()
                .statusCode(400);
        asAdmin().contentType(JSON).body("{\"cities\":[]}").post("/api/v1/import").then().statusCode(400);
        asEditor().contentType(MERGE_PATCH).body("{\"alt\":\"x\"}").patch("/api/v1/media/999999").then().statusCode(404);
        asEditor().delete("/api/v1/media/999999").then().statusCode(404);
        asEditor().multiPart("file", "note.txt", "not an image".getBytes(StandardCharsets.UTF_8), "image/png")
                .post("/api/v1/media").then()
                .statusCode(415);

        assertThat(total(asAdmin())).isEqualTo(before);
    }

    @Test
    void workWithoutARequestIsTheSystemsAndNeedsATransaction() {
        QuarkusTransaction.requiringNew().run(() -> auditLog.record("PUBLISH", "pages", 1L, 4));
        asAdmin().queryParam("action", "PUBLISH").queryParam("collection", "pages").get(AUDIT).then().statusCode(200)
                .body("items[0].user", is(AuditLog.SYSTEM))
                .body("items[0].id", is(1))
                .body("items[0].revision", is(4))
                .body("items[0].requestId", nullValue());

        long before = total(asAdmin());
        assertThatThrownBy(() -> auditLog.record("PUBLISH", "pages", 1L, 5)).isInstanceOf(TransactionalException.class);
        assertThat(failure(() -> QuarkusTransaction.requiringNew().run(() -> auditLog.record("publish", "pages", 1L, 5))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(failure(() -> QuarkusTransaction.requiringNew().run(() -> auditLog.record("PUBLISH", "city", 1L, 5))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(total(asAdmin())).isEqualTo(before);
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateEntries() throws SQLException {
        asAdmin().contentType(MERGE_PATCH).body("{}").patch("/api/v1/users/" + adminId()).then().statusCode(200);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            long count = longValue(statement, "select count(*) from audit_log");
            long id = longValue(statement, "select max(id) from audit_log");
            String row = "select username || ' ' || action || ' ' || at from audit_log where id = " + id;
            String entry = stringValue(statement, row);

            for (String sql : List.of(
                    "update audit_log set username = 'mallory' where id = " + id,
                    "update audit_log set at = at - interval '1 day'",
                    "delete from audit_log where id = " + id,
                    "delete from audit_log",
                    "truncate audit_log",
                    "truncate table audit_log restart identity cascade")) {
                assertThatThrownBy(() -> statement.executeUpdate(sql)).as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }

            assertThat(stringValue(statement, row)).isEqualTo(entry);
            assertThat(longValue(statement, "select count(*) from audit_log")).isEqualTo(count);
        }
        asAdmin().queryParam("size", 1).get(AUDIT).then().body("items[0].user", is("admin"));
    }

    /** The innermost cause of what the work threw. */
    private static Throwable failure(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        }
        throw new AssertionError("nothing was thrown");
    }

    private static String requestId() {
        return "audit-test-" + UUID.randomUUID();
    }

    private static long total(RequestSpecification request) {
        return request.get(AUDIT).then().statusCode(200).extract().<Number>path("total").longValue();
    }

    private static List<String> requestIds(RequestSpecification request) {
        return new ArrayList<>(request.get(AUDIT).then().statusCode(200).extract().<List<String>>path("items.requestId"));
    }

    private static int adminId() {
        return asAdmin().get("/api/v1/users?size=100").path("items.find { it.username == 'admin' }.id");
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static long longValue(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String stringValue(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
