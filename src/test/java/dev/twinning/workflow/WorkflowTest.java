package dev.twinning.workflow;

import static dev.twinning.user.Staff.asAdmin;
import static dev.twinning.user.Staff.asEditor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import dev.twinning.content.ScheduledWork;
import dev.twinning.user.Staff;

/**
 * Drafts, previews, publishing now and on a schedule, revisions, the trash: what editors and visitors see.
 * Each test works on records of its own (unique names), so tests do not depend on each other.
 */
@QuarkusTest
class WorkflowTest {

    @Inject
    ScheduledWork scheduledWork;

    @Inject
    DataSource dataSource;

    private static int serial;

    private static synchronized String unique(String base) {
        return base + " " + (char) ('A' + serial / 26 % 26) + (char) ('A' + serial++ % 26) + System.nanoTime() % 1000;
    }

    private static Response createCity(String name, String query) {
        return asEditor().contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"country\":\"LV\",\"population\":100000,\"description\":\"First text\"}")
                .post("/api/v1/cities" + query);
    }

    private static String draftCity(String name) {
        return createCity(name, "").then().statusCode(201).extract().path("slug");
    }

    private static long cityId(String slug) {
        return asEditor().get("/api/v1/cities/" + slug + "?preview=true").then().statusCode(200).extract().<Integer>path("id");
    }

    private static String previewTag(String slug) {
        return asEditor().get("/api/v1/cities/" + slug + "?preview=true").then().statusCode(200).extract().header("ETag");
    }

    private static int total(String path) {
        return given().get(path).then().statusCode(200).extract().path("total");
    }

    @Test
    void aDraftIsInvisibleEverywherePublicAndItsPreviewNeedsALogin() {
        String name = unique("Draftsville");
        String publicList = "/api/v1/cities?q=" + name.substring(name.indexOf(' ') + 1);
        Response before = given().get("/api/v1/cities?country=LV");
        String countriesBefore = given().get("/api/v1/countries").asString();

        Response created = createCity(name, "");
        created.then().statusCode(201)
                .body("publishedAt", nullValue())
                .body("publication.state", is("DRAFT"))
                .body("publication.publishAt", nullValue());
        String slug = created.path("slug");

        given().get("/api/v1/cities/" + slug).then().statusCode(404);
        assertThat(total(publicList)).isZero();
        given().get("/api/v1/cities?country=LV").then().statusCode(200)
                .header("ETag", is(before.header("ETag")))
                .body("total", is(before.<Integer>path("total")));
        given().header("If-None-Match", before.header("ETag")).get("/api/v1/cities?country=LV").then().statusCode(304);
        assertThat(given().get("/api/v1/countries").asString()).isEqualTo(countriesBefore);
        // a public read ignores credentials: staff see the published site too unless they ask for a preview
        asEditor().get("/api/v1/cities/" + slug).then().statusCode(404);

        given().get("/api/v1/cities/" + slug + "?preview=true").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/api/v1/cities?preview=true").then().statusCode(401);
        given().get("/api/v1/cities/" + slug + "?preview=maybe").then().statusCode(400)
                .body("errors[0].field", is("preview"));
        asEditor().get("/api/v1/cities/" + slug + "?preview=true").then().statusCode(200)
                .header("Cache-Control", is("private, no-store"))
                .header("ETag", is(created.header("ETag")))
                .body("name", is(name))
                .body("publication.state", is("DRAFT"));
        asEditor().get(publicList + "&preview=true").then().statusCode(200)
                .header("Cache-Control", is("private, no-store"))
                .body("total", is(1))
                .body("items[0].publication.state", is("DRAFT"));
    }

    @Test
    void publishingShowsTheWorkingCopyAndLaterEditsStayPrivateUntilPublishedAgain() {
        String slug = draftCity(unique("Publishburg"));
        given().header("If-Match", "\"stale\"").auth().preemptive().basic(Staff.EDITOR, Staff.EDITOR_PASSWORD)
                .post("/api/v1/cities/" + slug + "/publish").then().statusCode(412);
        given().get("/api/v1/cities/" + slug).then().statusCode(404);

        asEditor().header("If-Match", previewTag(slug)).post("/api/v1/cities/" + slug + "/publish").then().statusCode(200)
                .header("ETag", notNullValue())
                .body("publication.state", is("PUBLISHED"))
                .body("publication.publishedAt", notNullValue())
                .body("publishedAt", notNullValue());
        given().get("/api/v1/cities/" + slug).then().statusCode(200)
                .body("description", is("First text"))
                .body("publishedAt", notNullValue())
                .body("$", not(org.hamcrest.Matchers.hasKey("publication")));

        asEditor().contentType("application/merge-patch+json").body("{\"description\":\"Second text\"}")
                .patch("/api/v1/cities/" + slug).then().statusCode(200)
                .body("publication.state", is("CHANGED"));
        given().get("/api/v1/cities/" + slug).then().statusCode(200).body("description", is("First text"));
        asEditor().contentType("application/json").body("{}").post("/api/v1/cities/" + slug + "/publish").then()
                .statusCode(200).body("publication.state", is("PUBLISHED"));
        given().get("/api/v1/cities/" + slug).then().statusCode(200).body("description", is("Second text"));

        // a translation is a change of the working copy too, public once published
        asEditor().contentType("application/json").body("{\"name\":\"드래프트\"}")
                .put("/api/v1/cities/" + slug + "/translations/ko").then().statusCode(200)
                .body("publication.state", is("CHANGED"));
        given().get("/api/v1/cities/" + slug + "?locale=ko").then().body("fallbacks.name", is("en"));
        asEditor().contentType("application/json").body("{\"name\":\"드래프트\"}")
                .put("/api/v1/cities/" + slug + "/translations/ko?publish=true").then().statusCode(200)
                .body("publication.state", is("PUBLISHED"));
        given().get("/api/v1/cities/" + slug + "?locale=ko").then().body("name", is("드래프트"));

        asEditor().post("/api/v1/cities/" + slug + "/unpublish").then().statusCode(200)
                .body("publication.state", is("DRAFT"))
                .body("publishedAt", nullValue());
        given().get("/api/v1/cities/" + slug).then().statusCode(404);
    }

    @Test
    void aWriteWithPublishTrueIsPublicAtOnceWithItsChangeThenPublishInTheHistory() {
        String slug = createCity(unique("Instantia"), "?publish=true").then().statusCode(201)
                .body("publication.state", is("PUBLISHED")).extract().path("slug");
        given().get("/api/v1/cities/" + slug).then().statusCode(200);
        asEditor().get("/api/v1/cities/" + slug + "/revisions").then().statusCode(200)
                .body("total", is(2))
                .body("items.action", is(List.of("PUBLISH", "CREATE")))
                .body("items[0].by", is(Staff.EDITOR));
        String name = unique("Maybeton");
        createCity(name, "?publish=maybe").then().statusCode(400).body("errors[0].field", is("publish"));
        asEditor().get("/api/v1/cities?preview=true&q=" + name.substring(name.indexOf(' ') + 1)).then().body("total", is(0));
    }

    @Test
    void aScheduledPublicationRunsOnceAtItsTimeAsSystemAndACancelledOneNever() throws Exception {
        String slug = draftCity(unique("Scheduleton"));
        asEditor().contentType("application/json").body("{\"at\":\"2001-01-01T00:00:00Z\"}")
                .post("/api/v1/cities/" + slug + "/publish").then().statusCode(400)
                .body("errors[0].field", is("at"));
        asEditor().contentType("application/json").body("{\"at\":\"soon\"}")
                .post("/api/v1/cities/" + slug + "/publish").then().statusCode(400)
                .body("errors[0].field", is("at"));
        asEditor().contentType("application/json").body("{\"when\":\"2030-01-01T00:00:00Z\"}")
                .post("/api/v1/cities/" + slug + "/publish").then().statusCode(400)
                .body("errors[0].field", is("when"));
        asEditor().get("/api/v1/cities/" + slug + "?preview=true").then().body("publication.publishAt", nullValue());

        Instant at = Instant.now().plusMillis(1500);
        asEditor().contentType("application/json").body("{\"at\":\"" + at + "\"}")
                .post("/api/v1/cities/" + slug + "/publish").then().statusCode(202)
                .body("publication.state", is("DRAFT"))
                .body("publication.publishAt", notNullValue());
        scheduledWork.runDue();
        given().get("/api/v1/cities/" + slug).then().statusCode(404);
        Thread.sleep(Math.max(0, at.toEpochMilli() - System.currentTimeMillis() + 100));
        assertThat(scheduledWork.runDue()).isGreaterThanOrEqualTo(1);
        given().get("/api/v1/cities/" + slug).then().statusCode(200);
        JsonPath history = asEditor().get("/api/v1/cities/" + slug + "/revisions").then().extract().jsonPath();
        assertThat(history.<String>getList("items.action")).containsExactly("PUBLISH", "CREATE");
        assertThat(history.getString("items[0].by")).isEqualTo("system");
        asEditor().get("/api/v1/cities/" + slug + "?preview=true").then().body("publication.publishAt", nullValue());

        String other = draftCity(unique("Cancelton"));
        asEditor().contentType("application/json").body("{\"at\":\"" + Instant.now().plusMillis(800) + "\"}")
                .post("/api/v1/cities/" + other + "/publish").then().statusCode(202);
        asEditor().delete("/api/v1/cities/" + other + "/schedule").then().statusCode(204);
        asEditor().get("/api/v1/cities/" + other + "?preview=true").then().body("publication.publishAt", nullValue());
        Thread.sleep(900);
        scheduledWork.runDue();
        given().get("/api/v1/cities/" + other).then().statusCode(404);
    }

    @Test
    void aScheduledUnpublicationTakesARecordOffline() throws Exception {
        String slug = createCity(unique("Fadeaway"), "?publish=true").then().statusCode(201).extract().path("slug");
        Instant at = Instant.now().plusMillis(1000);
        asEditor().contentType("application/json").body("{\"at\":\"" + at + "\"}")
                .post("/api/v1/cities/" + slug + "/unpublish").then().statusCode(202)
                .body("publication.unpublishAt", notNullValue());
        Thread.sleep(1100);
        scheduledWork.runDue();
        given().get("/api/v1/cities/" + slug).then().statusCode(404);
        asEditor().get("/api/v1/cities/" + slug + "?preview=true").then().body("publication.state", is("DRAFT"));
    }

    @Test
    void referencesMustBePublishedFirstAndAPublishedPageLeavesOutItsUnpublishedAgreements() {
        String partner = draftCity(unique("Partnerstadt"));
        long partnerId = cityId(partner);
        Response agreement = asEditor().contentType("application/json")
                .body("{\"homeCityId\":1,\"partnerCityId\":" + partnerId + ",\"type\":\"FRIENDSHIP_CITY\"}")
                .post("/api/v1/agreements");
        agreement.then().statusCode(201);
        int agreementId = agreement.path("id");
        asEditor().post("/api/v1/agreements/" + agreementId + "/publish").then().statusCode(409)
                .body("detail", containsString("cities [" + partnerId + "]"));
        given().get("/api/v1/agreements/" + agreementId).then().statusCode(404);

        asEditor().post("/api/v1/cities/" + partner + "/publish").then().statusCode(200);
        // a published city's public page lists only published agreements
        given().get("/api/v1/cities/" + partner).then().statusCode(200).body("agreements", empty());

        String key = "workflow-page-" + System.nanoTime();
        asEditor().contentType("application/json")
                .body("{\"key\":\"" + key + "\",\"title\":\"Partners\",\"agreementIds\":[" + agreementId + "]}")
                .post("/api/v1/pages?publish=true").then().statusCode(201);
        given().get("/api/v1/pages/" + key).then().statusCode(200).body("agreements", empty());
        asEditor().get("/api/v1/pages/" + key + "?preview=true").then().statusCode(200)
                .body("agreements.id", hasItem(agreementId));

        asEditor().post("/api/v1/agreements/" + agreementId + "/publish").then().statusCode(200);
        given().get("/api/v1/pages/" + key).then().statusCode(200).body("agreements.id", is(List.of(agreementId)));
        given().get("/api/v1/cities/" + partner).then().body("agreements.id", is(List.of(agreementId)));

        asEditor().post("/api/v1/cities/" + partner + "/unpublish").then().statusCode(409)
                .body("detail", containsString("agreements [" + agreementId + "]"));
        asEditor().post("/api/v1/agreements/" + agreementId + "/unpublish").then().statusCode(200);
        given().get("/api/v1/pages/" + key).then().statusCode(200).body("agreements", empty());
        given().get("/api/v1/agreements/" + agreementId).then().statusCode(404);
    }

    @Test
    void revisionsHoldEachContentWithAJsonPatchAndRestoreMakesAnOldOneTheWorkingCopy() {
        String slug = createCity(unique("Historia"), "?publish=true").then().statusCode(201).extract().path("slug");
        asEditor().contentType("application/merge-patch+json").body("{\"population\":200000}")
                .patch("/api/v1/cities/" + slug).then().statusCode(200);

        JsonPath list = asEditor().get("/api/v1/cities/" + slug + "/revisions").then().statusCode(200)
                .header("Cache-Control", is("private, no-store")).extract().jsonPath();
        assertThat(list.<String>getList("items.action")).containsExactly("UPDATE", "PUBLISH", "CREATE");
        assertThat(list.<Integer>getList("items.revision")).containsExactly(3, 2, 1);

        JsonPath third = asEditor().get("/api/v1/cities/" + slug + "/revisions/3").then().statusCode(200).extract().jsonPath();
        assertThat(third.getInt("content.population")).isEqualTo(200000);
        assertThat(third.getString("content.translations.en.name")).startsWith("Historia");
        assertThat(third.<Map<String, Object>>getList("changes"))
                .containsExactly(Map.of("op", "replace", "path", "/population", "value", 200000));
        JsonPath first = asEditor().get("/api/v1/cities/" + slug + "/revisions/1").then().statusCode(200).extract().jsonPath();
        assertThat(first.getInt("content.population")).isEqualTo(100000);
        assertThat(first.<Map<String, Object>>getList("changes")).isNotEmpty();
        asEditor().get("/api/v1/cities/" + slug + "/revisions/2").then().body("changes", empty());

        asEditor().get("/api/v1/cities/" + slug + "/revisions/99").then().statusCode(404);
        asEditor().get("/api/v1/cities/" + slug + "/revisions/x").then().statusCode(400).body("errors[0].field",
                is("revision"));
        given().get("/api/v1/cities/" + slug + "/revisions").then().statusCode(401);
        asEditor().post("/api/v1/cities/" + slug + "/revisions/99/restore").then().statusCode(404);
        asEditor().get("/api/v1/cities/" + slug + "/revisions").then().body("total", is(3));

        asEditor().header("If-Match", "\"stale\"").post("/api/v1/cities/" + slug + "/revisions/1/restore").then()
                .statusCode(412);
        asEditor().post("/api/v1/cities/" + slug + "/revisions/1/restore").then().statusCode(200)
                .body("population", is(100000))
                .body("publication.state", is("CHANGED"));
        given().get("/api/v1/cities/" + slug).then().body("population", is(100000));
        asEditor().get("/api/v1/cities/" + slug + "/revisions/4").then().statusCode(200)
                .body("action", is("RESTORE"))
                .body("changes[0].path", is("/population"));
    }

    @Test
    void deleteMovesToTheTrashFromWhichARecordComesBackUnpublishedUntilAnAdminPurgesIt() {
        String name = unique("Binville");
        String slug = createCity(name, "?publish=true").then().statusCode(201).extract().path("slug");
        long id = cityId(slug);

        asEditor().delete("/api/v1/cities/" + slug).then().statusCode(204);
        given().get("/api/v1/cities/" + slug).then().statusCode(404);
        asEditor().get("/api/v1/cities/" + slug + "?preview=true").then().statusCode(404);
        asEditor().get("/api/v1/cities/" + slug + "/revisions").then().statusCode(404);
        JsonPath trash = asEditor().get("/api/v1/trash?size=100").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = trash.getList("items");
        assertThat(items).anySatisfy(item -> {
            assertThat(item).containsEntry("collection", "cities").containsEntry("id", (int) id).containsEntry("label", name)
                    .containsEntry("deletedBy", Staff.EDITOR);
            assertThat(item.get("deletedAt")).isNotNull();
        });
        given().get("/api/v1/trash").then().statusCode(401);

        asEditor().post("/api/v1/trash/cities/" + id + "/restore").then().statusCode(200)
                .body("slug", is(slug))
                .body("publication.state", is("DRAFT"));
        given().get("/api/v1/cities/" + slug).then().statusCode(404);
        List<String> actions = asEditor().get("/api/v1/cities/" + slug + "/revisions").then().extract().path("items.action");
        assertThat(actions).startsWith("UNDELETE", "DELETE");

        asEditor().delete("/api/v1/cities/" + slug).then().statusCode(204);
        asEditor().delete("/api/v1/trash/cities/" + id).then().statusCode(403);
        asAdmin().delete("/api/v1/trash/cities/" + id).then().statusCode(204);
        asEditor().post("/api/v1/trash/cities/" + id + "/restore").then().statusCode(404);
        asAdmin().delete("/api/v1/trash/cities/" + id).then().statusCode(404);
        asEditor().post("/api/v1/trash/planets/1/restore").then().statusCode(404);
        asEditor().post("/api/v1/trash/cities/abc/restore").then().statusCode(400);
    }

    @Test
    void aRestoredRecordWhoseSlugWasTakenMeanwhileIsRefused() {
        String name = unique("Twinsburg");
        String slug = draftCity(name);
        long id = cityId(slug);
        asEditor().delete("/api/v1/cities/" + slug).then().statusCode(204);
        String again = draftCity(name);
        assertThat(again).isEqualTo(slug);
        asEditor().post("/api/v1/trash/cities/" + id + "/restore").then().statusCode(409)
                .contentType("application/problem+json");
        asEditor().get("/api/v1/trash?size=100").then().body("items.id", hasItem((int) id));
    }

    @Test
    void theTrashIsPurgedAfterTheRetentionPeriod() throws Exception {
        String slug = draftCity(unique("Oldtrash"));
        long id = cityId(slug);
        asEditor().delete("/api/v1/cities/" + slug).then().statusCode(204);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "update public_working.cities set deleted_at = now() - interval '31 days' where id = ?")) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
        assertThat(scheduledWork.purgeExpired()).isGreaterThanOrEqualTo(1);
        asEditor().post("/api/v1/trash/cities/" + id + "/restore").then().statusCode(404);
    }

    @Test
    void theAuditLogHasAnEntryForEveryStepWithItsUserRevisionAndRequestId() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        String slug = asEditor().header("X-Request-Id", "audit-create-1").contentType("application/json")
                .body("{\"name\":\"" + unique("Auditon") + "\",\"country\":\"LV\"}")
                .post("/api/v1/cities?publish=true").then().statusCode(201).extract().path("slug");
        long id = cityId(slug);
        asEditor().contentType("application/merge-patch+json").body("{\"population\":5}").patch("/api/v1/cities/" + slug)
                .then().statusCode(200);
        asEditor().contentType("application/json").body("{\"at\":\"" + Instant.now().plusSeconds(3600) + "\"}")
                .post("/api/v1/cities/" + slug + "/unpublish").then().statusCode(202);
        asEditor().delete("/api/v1/cities/" + slug + "/schedule").then().statusCode(204);
        asEditor().post("/api/v1/cities/" + slug + "/revisions/1/restore").then().statusCode(200);
        asEditor().delete("/api/v1/cities/" + slug).then().statusCode(204);
        asEditor().post("/api/v1/trash/cities/" + id + "/restore").then().statusCode(200);
        asEditor().delete("/api/v1/cities/" + slug).then().statusCode(204);
        asAdmin().delete("/api/v1/trash/cities/" + id).then().statusCode(204);

        asEditor().get("/api/v1/audit").then().statusCode(403);
        List<Map<String, Object>> entries = asAdmin().queryParam("collection", "cities").queryParam("from", start.toString())
                .queryParam("size", 100).get("/api/v1/audit").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream()
                .filter(entry -> ((Number) entry.get("id")).longValue() == id)
                .toList();
        List<String> actions = entries.stream().map(entry -> entry.get("user") + " " + entry.get("action")).toList();
        assertThat(actions).containsExactly("admin PURGE", "test.editor DELETE", "test.editor UNDELETE", "test.editor DELETE",
                "test.editor RESTORE", "test.editor CANCEL_SCHEDULE", "test.editor SCHEDULE_UNPUBLISH", "test.editor UPDATE",
                "test.editor PUBLISH", "test.editor CREATE");
        assertThat(entries.get(entries.size() - 1)).containsEntry("requestId", "audit-create-1").containsEntry("revision", 1);
        assertThat(entries.get(entries.size() - 2)).containsEntry("requestId", "audit-create-1").containsEntry("revision", 2);
        assertThat(entries.get(0).get("revision")).isNull();
    }

    @Test
    void exportMarksDraftsAndAnImportedDraftStaysPrivate() {
        String name = unique("Exportia");
        String slug = draftCity(name);
        JsonPath dataset = asAdmin().get("/api/v1/export").then().statusCode(200).extract().jsonPath();
        assertThat(dataset.getList("cities.findAll { it.slug == '" + slug + "' }.published")).containsExactly(false);
        assertThat(dataset.getList("cities.findAll { it.slug == 'harbin' }.published")).containsExactly(true);

        String imported = "imported-draft-" + System.nanoTime() % 100000;
        asAdmin().contentType("application/json").body("{\"cities\":[{\"slug\":\"" + imported
                + "\",\"name\":\"Imported Draft\",\"country\":\"LV\",\"published\":false}],\"signatories\":[],\"agreements\":[],\"pages\":[]}")
                .post("/api/v1/import").then().statusCode(200);
        given().get("/api/v1/cities/" + imported).then().statusCode(404);
        asEditor().get("/api/v1/cities/" + imported + "?preview=true").then().statusCode(200)
                .body("publication.state", is("DRAFT"));
        asEditor().contentType("application/json").body("{\"name\":\"X\",\"country\":\"LV\",\"published\":true}")
                .post("/api/v1/cities").then().statusCode(400).body("errors[0].field", is("published"));
    }
}
