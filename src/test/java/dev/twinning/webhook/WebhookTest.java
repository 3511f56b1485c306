package dev.twinning.webhook;

import static dev.twinning.user.Staff.asAdmin;
import static dev.twinning.user.Staff.asEditor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import dev.twinning.common.IfMatchGuard;

/**
 * Webhooks as an admin and a receiver see them: registration, signed deliveries after commit, retries with the
 * same webhook-id, 410, page.updated for what a page presents, rotation, the deliveries log and bad input.
 * Each test registers endpoints on paths of its own and deletes them, so tests do not see each other's events.
 */
@QuarkusTest
class WebhookTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Receiver receiver;
    private static int serial;

    @Inject
    DataSource dataSource;

    @Inject
    WebhookDispatcher dispatcher;

    /** The scheduler is off in tests; this plays the part of its poll (retries, due deliveries). */
    private java.util.concurrent.ScheduledExecutorService poller;

    @BeforeEach
    void startPolling() {
        poller = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        poller.scheduleWithFixedDelay(dispatcher::deliverDue, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    @AfterEach
    void stopPolling() {
        poller.shutdownNow();
    }

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = Receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    private static synchronized String unique(String base) {
        return base + "-" + (++serial) + "-" + (System.nanoTime() % 100000);
    }

    private static Response register(String path, String... events) {
        return asAdmin().contentType("application/json")
                .body(Map.of("url", receiver.url(path), "events", List.of(events), "description", "test " + path))
                .post("/api/v1/webhooks");
    }

    private static long registered(String path, String... events) {
        return register(path, events).then().statusCode(201).extract().<Integer>path("id");
    }

    private static void delete(long webhook) {
        asAdmin().delete("/api/v1/webhooks/" + webhook).then().statusCode(204);
    }

    private static JsonNode body(Receiver.Received request) {
        try {
            return JSON.readTree(request.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + request.body(), e);
        }
    }

    private static String draftCity(String name) {
        return asEditor().contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"country\":\"LV\",\"population\":1000}")
                .post("/api/v1/cities").then().statusCode(201).extract().path("slug");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aPublishedPageArrivesSignedWithTheThinPayloadAndShowsInTheDeliveriesLog() throws Exception {
        String path = "/" + unique("pages");
        Response created = register(path, "page.*");
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/webhooks/"))
                .body("secret", startsWith("whsec_"))
                .body("events", is(List.of("page.*")))
                .body("enabled", is(true));
        long webhook = created.<Integer>path("id");
        String secret = created.path("secret");
        asAdmin().get("/api/v1/webhooks/" + webhook).then().statusCode(200).body("secret", nullValue())
                .header("Cache-Control", is("private, no-store"));
        asAdmin().get("/api/v1/webhooks").then().statusCode(200).body("items.id", hasItem((int) webhook))
                .body("items.secret", is(java.util.Collections.nCopies(asAdmin().get("/api/v1/webhooks")
                        .<List<Object>>path("items").size(), null)));

        String key = unique("hooked-page");
        long page = asEditor().contentType("application/json").body("{\"key\":\"" + key + "\",\"title\":\"Hooked\"}")
                .post("/api/v1/pages").then().statusCode(201).extract().<Integer>path("id");
        asEditor().post("/api/v1/pages/" + key + "/publish").then().statusCode(200);

        List<Receiver.Received> published = receiver.await(path,
                request -> body(request).path("type").asText().equals("page.published"), 1, WAIT);
        Receiver.Received delivery = published.get(0);
        JsonNode payload = body(delivery);
        assertThat(payload.get("data").get("collection").asText()).isEqualTo("page");
        assertThat(payload.get("data").get("id").asLong()).isEqualTo(page);
        assertThat(payload.get("data").get("key").asText()).isEqualTo(key);
        assertThat(payload.get("timestamp").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(delivery.header("content-type")).startsWith("application/json");
        assertThat(delivery.header("webhook-id")).startsWith("msg_");
        assertThat(Long.parseLong(delivery.header("webhook-timestamp")))
                .isBetween(System.currentTimeMillis() / 1000 - 60, System.currentTimeMillis() / 1000 + 5);
        assertThat(Receiver.signedWith(delivery, secret)).as("signature with the secret").isTrue();
        assertThat(Receiver.signedWith(delivery, "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])))
                .as("signature with another key").isFalse();
        // the creation came first, as its own event
        receiver.await(path, request -> body(request).path("type").asText().equals("page.created"), 1, WAIT);

        JsonPath log = asAdmin().get("/api/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200).extract()
                .jsonPath();
        assertThat(log.getList("items.event")).contains("page.created", "page.published");
        int index = log.getList("items.event").indexOf("page.published");
        assertThat(log.getString("items[" + index + "].messageId")).isEqualTo(delivery.header("webhook-id"));
        assertThat(log.getInt("items[" + index + "].attempt")).isEqualTo(1);
        // the log is written right after the answer: look again until it shows it
        awaitState(webhook, delivery.header("webhook-id"), "DELIVERED");
        delete(webhook);
    }

    @Test
    void aReceiverThatFailsOnceGetsTheRetryWithTheSameWebhookId() throws Exception {
        String path = "/" + unique("flaky");
        receiver.script(path, 500);
        long webhook = registered(path, "city.created");
        String slug = draftCity(unique("Retryville").replace("-", " "));

        List<Receiver.Received> attempts = receiver.await(path, request -> true, 2, Duration.ofSeconds(30));
        assertThat(attempts.get(0).header("webhook-id")).isEqualTo(attempts.get(1).header("webhook-id"));
        assertThat(attempts.get(1).body()).isEqualTo(attempts.get(0).body());
        assertThat(body(attempts.get(1)).get("data").get("slug").asText()).isEqualTo(slug);
        long gap = attempts.get(1).receivedAtMillis() - attempts.get(0).receivedAtMillis();
        assertThat(gap).as("retry after about 5 s").isBetween(4000L, 15000L);

        JsonPath log = awaitState(webhook, attempts.get(0).header("webhook-id"), "DELIVERED");
        assertThat(log.getList("items[0].attempts.statusCode")).containsExactly(500, 200);
        assertThat(log.getString("items[0].attempts[0].error")).isEqualTo("HTTP 500");
        assertThat(log.getInt("items[0].attempt")).isEqualTo(2);
        delete(webhook);
    }

    @Test
    void aWriteThatRollsBackAnnouncesNothing() throws Exception {
        String path = "/" + unique("rollback");
        long webhook = registered(path, "*");
        String draft = draftCity(unique("Unpublished").replace("-", " "));
        long draftId = asEditor().get("/api/v1/cities/" + draft + "?preview=true").then().extract().<Integer>path("id");
        long before = count("select count(*) from webhook_deliveries where event like 'agreement.%'");
        // publishing an agreement with an unpublished city fails after its creation was recorded: all rolls back
        asEditor().contentType("application/json")
                .body("{\"homeCityId\":1,\"partnerCityId\":" + draftId + ",\"type\":\"FRIENDSHIP_CITY\"}")
                .post("/api/v1/agreements?publish=true").then().statusCode(409);
        assertThat(count("select count(*) from webhook_deliveries where event like 'agreement.%'")).isEqualTo(before);

        // a later change is delivered, and nothing about the agreement came before it
        asEditor().contentType("application/json").body("{\"population\":2000}")
                .patch("/api/v1/cities/" + draft).then().statusCode(200);
        receiver.await(path, request -> body(request).path("type").asText().equals("city.updated"), 1, WAIT);
        assertThat(receiver.received(path)).noneMatch(request -> body(request).path("type").asText().startsWith("agreement."));
        delete(webhook);
    }

    @Test
    void a410DisablesTheEndpointUntilAnAdminEnablesIt() throws Exception {
        String path = "/" + unique("gone");
        receiver.script(path, 410);
        long webhook = registered(path, "city.*");
        asAdmin().post("/api/v1/webhooks/" + webhook + "/ping").then().statusCode(202)
                .body("event", is("webhook.ping"))
                .body("state", is("PENDING"));
        receiver.await(path, request -> true, 1, WAIT);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (asAdmin().get("/api/v1/webhooks/" + webhook).<Boolean>path("enabled") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        asAdmin().get("/api/v1/webhooks/" + webhook).then().statusCode(200)
                .body("enabled", is(false))
                .body("disabledReason", startsWith("The endpoint answered 410 Gone"));
        // disabled: changes queue nothing for it, and a ping is refused
        long queued = count("select count(*) from webhook_deliveries where webhook_id = " + webhook);
        draftCity(unique("Quiet").replace("-", " "));
        assertThat(count("select count(*) from webhook_deliveries where webhook_id = " + webhook)).isEqualTo(queued);
        asAdmin().post("/api/v1/webhooks/" + webhook + "/ping").then().statusCode(409)
                .contentType("application/problem+json");

        asAdmin().contentType("application/merge-patch+json").body("{\"enabled\":true}")
                .patch("/api/v1/webhooks/" + webhook).then().statusCode(200)
                .body("enabled", is(true))
                .body("disabledReason", nullValue());
        draftCity(unique("Loud").replace("-", " "));
        receiver.await(path, request -> body(request).path("type").asText().equals("city.created"), 1, WAIT);
        delete(webhook);
    }

    @Test
    void publishingACityThatAPublishedPagePresentsAlsoUpdatesThatPage() throws Exception {
        String path = "/" + unique("presented");
        long webhook = registered(path, "page.updated");
        long population = given().get("/api/v1/cities/kobe").then().statusCode(200).extract().<Integer>path("population");
        try {
            // a draft edit changes nothing public: no page.updated
            asEditor().contentType("application/json").body("{\"population\":" + (population + 1) + "}")
                    .patch("/api/v1/cities/kobe").then().statusCode(200);
            asEditor().post("/api/v1/cities/kobe/publish").then().statusCode(200);
            List<Receiver.Received> updates = receiver.await(path, request -> true, 1, WAIT);
            JsonNode data = body(updates.get(0)).get("data");
            assertThat(data.get("collection").asText()).isEqualTo("page");
            assertThat(data.get("key").asText()).isEqualTo("friendship-cities");
            Thread.sleep(1500);
            assertThat(receiver.received(path)).hasSize(1);
        } finally {
            asEditor().contentType("application/json").body("{\"population\":" + population + "}")
                    .patch("/api/v1/cities/kobe?publish=true").then().statusCode(200);
            delete(webhook);
        }
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneAndARetriedDeliveryComesAgainWithItsId() throws Exception {
        String path = "/" + unique("rotate");
        Response created = register(path, "city.created");
        long webhook = created.<Integer>path("id");
        String oldSecret = created.path("secret");
        String newSecret = asAdmin().post("/api/v1/webhooks/" + webhook + "/secret").then().statusCode(200)
                .body("previousSecretValidUntil", notNullValue())
                .extract().path("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);

        draftCity(unique("Rotated").replace("-", " "));
        Receiver.Received first = receiver.await(path, request -> true, 1, WAIT).get(0);
        assertThat(first.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(Receiver.signedWith(first, newSecret)).isTrue();
        assertThat(Receiver.signedWith(first, oldSecret)).isTrue();

        JsonPath log = awaitState(webhook, first.header("webhook-id"), "DELIVERED");
        long delivery = log.getLong("items[0].id");
        asAdmin().post("/api/v1/webhooks/" + webhook + "/deliveries/" + delivery + "/retry").then().statusCode(202)
                .body("state", is("PENDING"));
        Receiver.Received again = receiver.await(path, request -> true, 2, WAIT).get(1);
        assertThat(again.header("webhook-id")).isEqualTo(first.header("webhook-id"));
        asAdmin().post("/api/v1/webhooks/" + webhook + "/deliveries/999999999/retry").then().statusCode(404);
        asAdmin().post("/api/v1/webhooks/" + webhook + "/deliveries/x/retry").then().statusCode(404);
        delete(webhook);
        asAdmin().get("/api/v1/webhooks/" + webhook).then().statusCode(404);
        asAdmin().get("/api/v1/webhooks/" + webhook + "/deliveries").then().statusCode(404);
    }

    @Test
    void badRegistrationsAre400NamingTheFieldAndChangeNothing() throws Exception {
        long before = count("select count(*) from webhooks");
        long audited = count("select count(*) from audit_log where collection = 'webhooks'");
        Map<String, String> badUrls = Map.of(
                "ftp://127.0.0.1/hook", "url",
                "not a url", "url",
                "", "url",
                "http://user:secret@127.0.0.1/hook", "url",
                "https:///no-host", "url",
                "http://127.0.0.1:70000/hook", "url",
                "http://127.0.0.1/hook#part", "url");
        badUrls.forEach((url, field) -> asAdmin().contentType("application/json")
                .body(Map.of("url", url, "events", List.of("*")))
                .post("/api/v1/webhooks").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is(field)));
        asAdmin().contentType("application/json")
                .body(Map.of("url", receiver.url("/x"), "events", List.of("page.published", "page.exploded")))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", is("events[1]"));
        for (String event : List.of("town.created", "page", "page.", "**", "PAGE.PUBLISHED", "webhook.ping")) {
            asAdmin().contentType("application/json").body(Map.of("url", receiver.url("/x"), "events", List.of(event)))
                    .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", is("events[0]"));
        }
        asAdmin().contentType("application/json").body(Map.of("url", receiver.url("/x"), "events", List.of()))
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", is("events"));
        asAdmin().contentType("application/json").body("{\"url\":\"" + receiver.url("/x") + "\"}")
                .post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", is("events"));
        asAdmin().contentType("application/json").body("{\"url\":").post("/api/v1/webhooks").then().statusCode(400);
        asAdmin().contentType("application/json").post("/api/v1/webhooks").then().statusCode(400);
        asEditor().contentType("application/json").body(Map.of("url", receiver.url("/x"), "events", List.of("*")))
                .post("/api/v1/webhooks").then().statusCode(403);
        given().contentType("application/json").body(Map.of("url", receiver.url("/x"), "events", List.of("*")))
                .post("/api/v1/webhooks").then().statusCode(401);
        assertThat(count("select count(*) from webhooks")).isEqualTo(before);

        // the URL is kept as written: a token's escapes reach the receiver unchanged
        String tokenUrl = receiver.url("/build?token=a%26b%2Bc&x=%3D");
        long kept = asAdmin().contentType("application/json").body(Map.of("url", tokenUrl, "events", List.of("*")))
                .post("/api/v1/webhooks").then().statusCode(201).body("url", is(tokenUrl)).extract().<Integer>path("id");
        delete(kept);

        long webhook = registered("/" + unique("patched"), "*");
        asAdmin().contentType("application/merge-patch+json").body("{\"url\":\"gopher://x\",\"events\":[\"nope\"]}")
                .patch("/api/v1/webhooks/" + webhook).then().statusCode(400);
        asAdmin().get("/api/v1/webhooks/" + webhook).then().body("events", is(List.of("*")));
        asAdmin().get("/api/v1/webhooks/" + webhook + "/deliveries?state=LOST").then().statusCode(400)
                .body("errors[0].field", is("state"));
        asAdmin().get("/api/v1/webhooks/abc").then().statusCode(404);
        delete(webhook);
        assertThat(count("select count(*) from audit_log where collection = 'webhooks'")).isEqualTo(audited + 4);
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothingWhileTheCurrentOneGoesAhead() {
        long webhook = registered("/if-match", "page.*");
        IfMatchGuard.holdsFor("/api/v1/webhooks/" + webhook, "{\"description\":\"changed behind your back\"}",
                "description", "test /if-match", "{\"description\":\"rebuild\"}", "description", "rebuild");
    }

    @Test
    void deliveriesAreCountedInTheMetrics() throws Exception {
        String path = "/" + unique("metrics");
        long webhook = registered(path, "city.created");
        double before = delivered();
        draftCity(unique("Measured").replace("-", " "));
        receiver.await(path, request -> true, 1, WAIT);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (delivered() < before + 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(delivered()).isEqualTo(before + 1);
        assertThat(given().get("/q/metrics").asString()).contains("twinning_webhook_queue_age_seconds")
                .contains("twinning_webhook_queue_size").contains("twinning_webhook_delivery_duration_seconds_count");
        delete(webhook);
    }

    /** The counter of delivered attempts in /q/metrics. */
    private static double delivered() {
        return given().get("/q/metrics").asString().lines()
                .filter(line -> line.startsWith("twinning_webhook_deliveries_total{") && line.contains("outcome=\"delivered\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theReceiverInTheReadmeVerifiesDeliveriesAndRefusesForgeries() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Response created = asAdmin().contentType("application/json")
                .body(Map.of("url", "http://127.0.0.1:" + port + "/hooks", "events", List.of("page.*")))
                .post("/api/v1/webhooks");
        long webhook = created.<Integer>path("id");
        Process receiver = new ProcessBuilder("python3", "bench/webhooks/receiver.py", "--secret",
                created.path("secret"), "--port", String.valueOf(port)).redirectErrorStream(true).start();
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> new java.io.BufferedReader(new java.io.InputStreamReader(receiver.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8)).lines().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(lines.poll(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).startsWith("listening on");
            String key = unique("receiver-page");
            asEditor().contentType("application/json").body("{\"key\":\"" + key + "\",\"title\":\"Received\"}")
                    .post("/api/v1/pages?publish=true").then().statusCode(201);
            JsonNode event = null;
            List<String> printed = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (line != null) {
                    printed.add(line);
                }
                if (line != null && JSON.readTree(line).path("type").asText().equals("page.published")) {
                    event = JSON.readTree(line);
                    break;
                }
            }
            // on failure, what the receiver printed and what the app recorded of its attempts
            assertThat(event).as(() -> "page.published printed by the receiver; it printed " + printed
                    + "; the deliveries log: " + asAdmin().get("/api/v1/webhooks/" + webhook + "/deliveries").asString())
                    .isNotNull();
            assertThat(event.get("data").get("key").asText()).isEqualTo(key);

            java.net.http.HttpResponse<String> forged = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/hooks"))
                            .header("webhook-id", "msg_forged")
                            .header("webhook-timestamp", String.valueOf(System.currentTimeMillis() / 1000))
                            .header("webhook-signature", "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"page.deleted\"}"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(401);
        } finally {
            receiver.destroy();
            delete(webhook);
        }
    }

    /** The deliveries log once the delivery with this webhook-id is in {@code state}; fails after the wait. */
    private static JsonPath awaitState(long webhook, String messageId, String state) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonPath log;
        do {
            log = asAdmin().get("/api/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200).extract().jsonPath();
            int index = log.getList("items.messageId").indexOf(messageId);
            if (index >= 0 && state.equals(log.getString("items[" + index + "].state"))) {
                return log;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Delivery " + messageId + " not " + state + ": " + log.prettify());
    }
}
