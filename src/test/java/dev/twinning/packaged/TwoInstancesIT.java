package dev.twinning.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.twinning.webhook.Receiver;

/**
 * Two packaged instances on one PostgreSQL database, as {@code docker/compose.replicas.yaml} runs them behind
 * a proxy: whatever one instance writes or counts, the other sees at once.
 * <p>
 * Not a {@code @QuarkusIntegrationTest}: that starts one app, which (JUnit's root store) keeps running until
 * every IT class is done. So the instances here use a schema of their own in the IT database (by
 * {@code currentSchema} in the JDBC URL), created empty before and dropped after: this test never touches
 * {@code public}, which PackagedAppIT's app uses, whichever class runs first. Both instances start together
 * on that empty schema, so they also race through the migrations, the seed, the first admin and the survey
 * salt. They run a copy of {@code target/quarkus-app}, which a concurrent build may rewrite.
 */
class TwoInstancesIT {

    private static final String SCHEMA_PREFIX = "two_instances_";
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "two-instances-admin-password";
    private static final String PAGE = "friendship-cities";
    /** Generous: a start takes a few seconds, but a loaded build machine can make it ten times slower. */
    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String schema;
    private static Connection lease;
    private static Path app;
    private static String jdbcUrl;
    private static String dbUser;
    private static String dbPassword;
    private static HttpClient http;
    private static AppProcess a;
    private static AppProcess b;
    private static Path work;
    private static Map<String, String> env;

    /** Shows both apps' logs when a test fails. */
    @RegisterExtension
    static final TestWatcher LOGS_ON_FAILURE = new TestWatcher() {

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            for (AppProcess app : new AppProcess[]{a, b}) {
                if (app != null) {
                    System.err.println(app.logTail(60));
                }
            }
        }
    };

    @BeforeAll
    static void startTwoInstances() throws Exception {
        String url = System.getProperty("twinning.it.datasource.url", "jdbc:postgresql://127.0.0.1:5432/twinning_it");
        dbUser = System.getProperty("twinning.it.datasource.username", "twinning");
        dbPassword = System.getProperty("twinning.it.datasource.password", "twinning");
        // A schema per run, held by a connection named after it, so that runs from concurrent builds on one
        // database (and PackagedAppIT on public) never meet, and a killed run's schema is dropped by the next.
        schema = SCHEMA_PREFIX + Long.toString(ProcessHandle.current().pid(), 36) + "_"
                + Long.toString(System.currentTimeMillis(), 36);
        String separator = url.contains("?") ? "&" : "?";
        jdbcUrl = url + separator + "currentSchema=" + schema + "&ApplicationName=" + schema;
        try {
            lease = DriverManager.getConnection(url + separator + "ApplicationName=" + schema, dbUser, dbPassword);
            try (Statement statement = lease.createStatement()) {
                List<String> abandoned = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("select nspname from pg_namespace where nspname like '"
                        + SCHEMA_PREFIX.replace("_", "\\_") + "%' and regexp_replace(nspname, '_working$', '') not in"
                        + " (select application_name from pg_stat_activity where application_name is not null)")) {
                    while (rows.next()) {
                        abandoned.add(rows.getString(1));
                    }
                }
                for (String old : abandoned) {
                    statement.execute("drop schema if exists " + old + " cascade");
                }
                statement.execute("create schema " + schema);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The external PostgreSQL server at " + url + " is not usable by " + dbUser
                    + "; run .ci/run or create the role and database it needs", e);
        }
        work = Path.of("target", "two-instances", schema);
        app = work.resolve("quarkus-app");
        AppProcess.copyApp(Path.of("target", "quarkus-app"), app);
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        env = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", dbUser,
                "QUARKUS_DATASOURCE_PASSWORD", dbPassword,
                "TWINNING_ADMIN_USERNAME", ADMIN,
                "TWINNING_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false",
                // webhooks go to this test's receiver on 127.0.0.1
                "TWINNING_WEBHOOK_ALLOW_PRIVATE_TARGETS", "true",
                // As in docker/compose.replicas.yaml, with this test as the trusted proxy: it can then act as
                // clients at different addresses (X-Forwarded-For).
                "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true",
                "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true",
                "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "127.0.0.1");
        a = AppProcess.start("A", app, work, env);
        b = AppProcess.start("B", app, work, env);
        a.awaitReady(http, STARTUP);
        b.awaitReady(http, STARTUP);
    }

    @AfterAll
    static void stopBoth() throws Exception {
        try {
            // Both get SIGTERM at once, so that the shutdowns overlap as in a rolling restart.
            List<Thread> stops = new ArrayList<>();
            for (AppProcess instance : new AppProcess[]{a, b}) {
                if (instance != null) {
                    Thread stop = new Thread(() -> {
                        try {
                            instance.stop(Duration.ofSeconds(25));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    stop.start();
                    stops.add(stop);
                }
            }
            for (Thread stop : stops) {
                stop.join();
            }
        } finally {
            if (lease != null) {
                try (Connection connection = lease; Statement statement = connection.createStatement()) {
                    statement.execute("drop schema if exists " + schema + "_working cascade");
                    statement.execute("drop schema if exists " + schema + " cascade");
                }
            }
            if (app != null) {
                AppProcess.deleteTree(app);
            }
        }
        assertThat(a == null || !a.isAlive()).as("A stopped").isTrue();
        assertThat(b == null || !b.isAlive()).as("B stopped").isTrue();
    }

    @Test
    @Timeout(120)
    void aCityWrittenThroughOneInstanceIsReadThroughTheOtherAtOnce() throws Exception {
        JsonNode original = json(get(a, "/api/v1/cities/kobe"));
        long id = original.get("id").asLong();
        String path = "/api/v1/cities/" + id;
        long population = original.get("population").asLong();
        try {
            for (int i = 1; i <= 20; i++) {
                AppProcess writer = i % 2 == 1 ? a : b;
                AppProcess reader = writer == a ? b : a;
                // Both have just served the current version, so any cache of it is warm.
                String oldTag = etag(get(reader, path));
                get(writer, path);

                HttpResponse<String> written = patchCity(writer, path, "{\"population\":" + (population + i) + "}");
                assertThat(written.statusCode()).as("PATCH %d on %s: %s", i, writer.name(), written.body()).isEqualTo(200);
                // the public sees the published version: the answer to the write without the staff-only
                // publication objects (on the city and on every record it embeds)
                ObjectNode published = (ObjectNode) json(written);
                assertThat(published.get("publication").get("state").asText()).isEqualTo("PUBLISHED");
                withoutPublication(published);

                // Immediately, no pause: the other instance, then the writer itself.
                String what = "write " + i + " on " + writer.name();
                HttpResponse<String> read = assertFresh(reader, path, response -> published.equals(json(response)), oldTag,
                        what);
                String newTag = etag(read);
                assertThat(newTag).as("ETag after write %d", i).isNotEqualTo(oldTag);
                assertThat(json(read).get("population").asLong()).isEqualTo(population + i);
                assertFresh(writer, path, newTag, oldTag, what);

                // The old ETag no longer validates on the reader; the new one does.
                assertThat(send(reader, HttpRequest.newBuilder(reader.uri(path)).header("If-None-Match", oldTag).GET())
                        .statusCode()).as("If-None-Match with the old ETag on %s", reader.name()).isEqualTo(200);
                assertThat(send(reader, HttpRequest.newBuilder(reader.uri(path)).header("If-None-Match", newTag).GET())
                        .statusCode()).as("If-None-Match with the new ETag on %s", reader.name()).isEqualTo(304);
            }
        } finally {
            patchCity(a, path, "{\"population\":" + population + "}");
        }
    }

    /**
     * Cache hits need no database round trip because writers wait for every live instance to drop its cached
     * answers. A frozen instance (a long GC pause, a paused VM) cannot acknowledge: it holds a write up for at
     * most its lease, and once it runs again it serves nothing it cached before, although it missed the write.
     */
    @Test
    @Timeout(120)
    void aFrozenInstanceHoldsAWriteUpForAtMostItsLeaseAndServesNothingStaleWhenItWakes() throws Exception {
        JsonNode original = json(get(a, "/api/v1/cities/kobe"));
        String path = "/api/v1/cities/" + original.get("id").asLong();
        long population = original.get("population").asLong();
        String oldTag = etag(get(b, path));
        assertThat(etag(get(b, path))).as("B's cached answer").isEqualTo(oldTag);
        try {
            HttpResponse<String> written;
            long took;
            b.freeze();
            try {
                long start = System.nanoTime();
                written = patchCity(a, path, "{\"population\":" + (population + 1000) + "}");
                took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            } finally {
                b.thaw();
            }
            assertThat(written.statusCode()).as("PATCH on A while B is frozen: %s", written.body()).isEqualTo(200);
            // B's lease is 3 s; the bound only says that a frozen instance cannot block writers indefinitely.
            assertThat(took).as("PATCH on A while B is frozen, ms").isLessThan(15_000);
            HttpResponse<String> read = assertFresh(b, path,
                    response -> json(response).get("population").asLong() == population + 1000, oldTag,
                    "a write on A while B was frozen");
            assertThat(etag(read)).isNotEqualTo(oldTag);
            // B acknowledges again: the next write on A finds it fresh at once.
            written = patchCity(a, path, "{\"population\":" + (population + 1001) + "}");
            assertThat(written.statusCode()).isEqualTo(200);
            assertFresh(b, path, response -> json(response).get("population").asLong() == population + 1001, etag(read),
                    "a write on A after B woke");
        } finally {
            patchCity(a, path, "{\"population\":" + population + "}");
        }
    }

    @Test
    @Timeout(120)
    void aTranslationWrittenThroughOneInstanceIsReadInThatLocaleThroughTheOther() throws Exception {
        String path = "/api/v1/cities/kobe";
        String korean = path + "?locale=ko";
        String translation = path + "/translations/ko";
        try {
            for (String name : List.of("고베", "코베")) {
                AppProcess writer = name.equals("고베") ? a : b;
                AppProcess reader = writer == a ? b : a;
                // Warm both locales on both instances.
                String oldKorean = etag(get(reader, korean));
                String oldEnglish = etag(get(reader, path));
                get(writer, korean);

                HttpResponse<String> written = send(writer, HttpRequest.newBuilder(writer.uri(translation + "?publish=true"))
                        .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":" + JSON.writeValueAsString(name) + "}")));
                assertThat(written.statusCode()).as("PUT %s on %s: %s", translation, writer.name(), written.body())
                        .isEqualTo(200);

                String what = "translating Kobe to " + name + " on " + writer.name();
                HttpResponse<String> read = assertFresh(reader, korean,
                        response -> name.equals(json(response).get("name").asText()), oldKorean, what);
                assertThat(read.headers().firstValue("Content-Language")).hasValue("ko");
                assertThat(json(read).get("fallbacks").has("name")).isFalse();
                // The English answer changed too (its version did), but still reads in English.
                HttpResponse<String> english = get(reader, path);
                assertThat(json(english).get("name").asText()).isEqualTo("Kobe");
                assertThat(etag(english)).isNotEqualTo(oldEnglish);
            }
        } finally {
            send(a, HttpRequest.newBuilder(a.uri(translation + "?publish=true"))
                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                    .DELETE());
        }
    }

    @Test
    @Timeout(120)
    void aRenamedCityShowsAtOnceWhereTheOtherInstanceEmbedsIt() throws Exception {
        JsonNode kobe = json(get(a, "/api/v1/cities/kobe"));
        String path = "/api/v1/cities/" + kobe.get("id").asLong();
        String name = kobe.get("name").asText();
        String renamed = "Kobe Renamed";
        long agreementId = kobe.get("agreements").get(0).get("id").asLong();
        // The agreement and the list are public reads an instance may cache; the page embeds the agreement.
        List<String> embedding = List.of("/api/v1/agreements/" + agreementId, "/api/v1/cities?country=JP",
                "/api/v1/pages/" + PAGE);
        try {
            for (String[] names : new String[][]{{name, renamed}, {renamed, name}}) {
                AppProcess writer = names[1].equals(renamed) ? a : b;
                AppProcess reader = writer == a ? b : a;
                Map<String, String> oldTags = new TreeMap<>();
                for (String embedder : embedding) {
                    get(writer, embedder);
                    HttpResponse<String> before = get(reader, embedder);
                    assertThat(before.body()).as(embedder).contains("\"" + names[0] + "\"");
                    oldTags.put(embedder, etag(before));
                }

                HttpResponse<String> written = patchCity(writer, path,
                        "{\"name\":" + JSON.writeValueAsString(names[1]) + "}");
                assertThat(written.statusCode()).as("rename on %s: %s", writer.name(), written.body()).isEqualTo(200);

                for (String embedder : embedding) {
                    String what = "renaming " + names[0] + " to " + names[1] + " on " + writer.name();
                    HttpResponse<String> read = assertFresh(reader, embedder,
                            response -> response.body().contains("\"" + names[1] + "\"")
                                    && !response.body().contains("\"" + names[0] + "\""),
                            oldTags.get(embedder), what);
                    assertThat(etag(read)).as("ETag of %s on %s after %s", embedder, reader.name(), what)
                            .isNotEqualTo(oldTags.get(embedder));
                    String freshTag = etag(read);
                    assertFresh(writer, embedder, freshTag, oldTags.get(embedder), what + " (the writer itself)");
                }
            }
        } finally {
            patchCity(a, path, "{\"name\":" + JSON.writeValueAsString(name) + "}");
        }
    }

    @Test
    @Timeout(120)
    void aScheduledPublicationRunsOnceWithinTenSecondsWhicheverInstanceTakesIt() throws Exception {
        String name = "Scheduled " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = send(a, HttpRequest.newBuilder(a.uri("/api/v1/cities"))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers
                        .ofString("{\"name\":" + JSON.writeValueAsString(name) + ",\"country\":\"EE\"}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String path = "/api/v1/cities/" + json(created).get("slug").asText();
        java.time.Instant at = java.time.Instant.now().plusSeconds(3);
        HttpResponse<String> scheduled = send(b, HttpRequest.newBuilder(b.uri(path + "/publish"))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"at\":\"" + at + "\"}")));
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(202);
        assertThat(send(a, HttpRequest.newBuilder(a.uri(path)).GET()).statusCode()).isEqualTo(404);

        java.time.Instant visible = null;
        while (visible == null && java.time.Instant.now().isBefore(at.plusSeconds(15))) {
            if (send(a, HttpRequest.newBuilder(a.uri(path)).GET()).statusCode() == 200
                    && send(b, HttpRequest.newBuilder(b.uri(path)).GET()).statusCode() == 200) {
                visible = java.time.Instant.now();
            } else {
                Thread.sleep(200);
            }
        }
        assertThat(visible).as("published on both instances within 15 s of %s", at).isNotNull();
        assertThat(Duration.between(at, visible)).as("delay after the scheduled time").isLessThan(Duration.ofSeconds(10));
        Thread.sleep(6000); // another round of both schedulers: nothing runs twice
        JsonNode history = json(send(a, HttpRequest.newBuilder(a.uri(path + "/revisions"))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).GET()));
        List<String> actions = new ArrayList<>();
        history.get("items").forEach(item -> actions.add(item.get("action").asText() + " by " + item.get("by").asText()));
        assertThat(actions).containsExactly("PUBLISH by system", "CREATE by " + ADMIN);
    }

    @Test
    @Timeout(120)
    void concurrentVotesOnBothInstancesAreEachCountedOnce() throws Exception {
        // Settled reads: this test is about every vote counted exactly once; how soon a vote shows on the
        // other instance is aVoteOnOneInstanceCountsAtOnceOnTheOther's business.
        JsonNode before = settledSurvey().get("A");
        String[] ratings = {"VERY_SATISFIED", "SATISFIED", "AVERAGE", "UNSATISFIED", "VERY_UNSATISFIED"};
        int votes = 200;

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < votes; i++) {
                AppProcess app = i % 2 == 0 ? a : b;
                String rating = ratings[i % ratings.length];
                statuses.add(pool.submit(() -> vote(app, UUID.randomUUID().toString(), rating).statusCode()));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(90, TimeUnit.SECONDS)).as("votes done in time").isTrue();
        } finally {
            pool.shutdownNow();
        }
        Map<String, Integer> accepted = new TreeMap<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (int i = 0; i < votes; i++) {
            int status = statuses.get(i).get();
            byStatus.merge(status, 1, Integer::sum);
            if (status == 201) {
                accepted.merge(ratings[i % ratings.length], 1, Integer::sum);
            }
        }
        int acceptedTotal = accepted.values().stream().mapToInt(Integer::intValue).sum();

        JsonNode settled = settledSurvey();
        JsonNode after = settled.get("A");
        assertThat(after.get("participants").asInt() - before.get("participants").asInt())
                .as("new participants (statuses %s)", byStatus).isEqualTo(acceptedTotal);
        for (String rating : ratings) {
            assertThat(after.get("counts").get(rating).asInt() - before.get("counts").get(rating).asInt())
                    .as("new %s votes", rating).isEqualTo(accepted.getOrDefault(rating, 0));
        }
        // Distinct visitors, so contention must not cost a single vote.
        assertThat(byStatus).as("statuses of %d concurrent votes", votes).isEqualTo(Map.of(201, votes));
        // The page embeds the survey result: both instances serve the same one, with the same ETag.
        assertThat(settled.get("pageA").get("survey")).isEqualTo(after);
        assertThat(settled.get("pageTagB")).isEqualTo(settled.get("pageTagA"));
    }

    @Test
    @Timeout(120)
    void aVoteOnOneInstanceCountsAtOnceOnTheOther() throws Exception {
        String survey = "/api/v1/pages/" + PAGE + "/survey";
        String page = "/api/v1/pages/" + PAGE;
        for (int i = 1; i <= 10; i++) {
            AppProcess voter = i % 2 == 1 ? a : b;
            AppProcess reader = voter == a ? b : a;
            // Both have just served the current counts, so any cache of them is warm.
            get(voter, survey);
            get(voter, page);
            HttpResponse<String> before = get(reader, survey);
            String surveyTag = before.headers().firstValue("ETag").orElse("(none)");
            String pageTag = etag(get(reader, page));
            int participants = json(before).get("participants").asInt();

            assertThat(vote(voter, UUID.randomUUID().toString(), "SATISFIED").statusCode()).isEqualTo(201);

            String what = "vote " + i + " on " + voter.name();
            assertFresh(reader, survey, response -> json(response).get("participants").asInt() == participants + 1,
                    surveyTag, what);
            HttpResponse<String> embedding = assertFresh(reader, page,
                    response -> json(response).get("survey").get("participants").asInt() == participants + 1, pageTag,
                    what);
            assertThat(etag(embedding)).as("page ETag on %s after %s", reader.name(), what).isNotEqualTo(pageTag);
        }
    }

    @Test
    @Timeout(120)
    void theVoteLimitHoldsAcrossInstances() throws Exception {
        String visitor = UUID.randomUUID().toString();
        assertThat(vote(a, visitor, "AVERAGE").statusCode()).isEqualTo(201);
        assertRetryLater(vote(b, visitor, "AVERAGE"), "second vote of one X-Visitor-Id, on B after A", 86_400);

        String other = UUID.randomUUID().toString();
        assertThat(vote(b, other, "SATISFIED").statusCode()).isEqualTo(201);
        assertRetryLater(vote(a, other, "SATISFIED"), "second vote of one X-Visitor-Id, on A after B", 86_400);

        // Without X-Visitor-Id the visitor is the client address and user agent, hashed with the shared salt.
        String address = "198.51.100.7";
        assertThat(anonymousVote(a, address).statusCode()).isEqualTo(201);
        assertRetryLater(anonymousVote(b, address), "second vote of one address and user agent, on B after A", 86_400);
    }

    @Test
    @Timeout(120)
    void theLoginLimitHoldsAcrossInstances() throws Exception {
        try {
            String user = "two.instances.admin";
            String password = "two-instances-second-admin";
            HttpResponse<String> created = send(a, HttpRequest.newBuilder(a.uri("/api/v1/users"))
                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\""
                            + password + "\",\"role\":\"ADMIN\"}")));
            assertThat(created.statusCode()).as("creating %s: %s", user, created.body()).isEqualTo(201);
            // Nobody logs in as these users first: a password proven by a login skips the throttle (ProvenLogins).
            String other = "two.instances.third";
            HttpResponse<String> createdOther = send(a, HttpRequest.newBuilder(a.uri("/api/v1/users"))
                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + other + "\",\"password\":\""
                            + password + "\",\"role\":\"ADMIN\"}")));
            assertThat(createdOther.statusCode()).as("creating %s: %s", other, createdOther.body()).isEqualTo(201);

            // Per user: ten failures, five on each instance, each from another address (so that only the
            // user's count reaches the limit).
            for (int i = 1; i <= 10; i++) {
                AppProcess app = i % 2 == 1 ? a : b;
                HttpResponse<String> failed = listUsers(app, user, "wrong-password-" + i, "203.0.113." + (10 + i));
                assertThat(failed.statusCode()).as("failed login %d on %s", i, app.name()).isEqualTo(401);
            }
            for (AppProcess app : new AppProcess[]{a, b}) {
                assertRetryLater(listUsers(app, user, password, "203.0.113.99"),
                        "11th login of the user (right password) on " + app.name(), 15 * 60);
            }
            // Only that user: the first admin still logs in from there.
            assertThat(listUsers(a, ADMIN, ADMIN_PASSWORD, "203.0.113.99").statusCode()).isEqualTo(200);

            // Per address: ten failures from one address, five on each instance, each for another user.
            String address = "192.0.2.77";
            for (int i = 1; i <= 10; i++) {
                AppProcess app = i % 2 == 1 ? b : a;
                HttpResponse<String> failed = listUsers(app, "nobody-" + i, "wrong-password-" + i, address);
                assertThat(failed.statusCode()).as("failed login %d from %s on %s", i, address, app.name())
                        .isEqualTo(401);
            }
            for (AppProcess app : new AppProcess[]{a, b}) {
                assertRetryLater(listUsers(app, other, password, address),
                        "11th login from the address (right password) on " + app.name(), 15 * 60);
            }
            assertThat(listUsers(b, other, password, "192.0.2.78").statusCode()).as("another address").isEqualTo(200);
        } finally {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("delete from login_failures");
            }
        }
        assertThat(listUsers(a, ADMIN, ADMIN_PASSWORD, "192.0.2.77").statusCode()).as("after clean-up")
                .isEqualTo(200);
    }

    @Test
    @Timeout(120)
    void eachWebhookAttemptIsMadeByOneInstanceOnly() throws Exception {
        String path = "/" + schema + "/once";
        int changes = 30;
        try (Receiver receiver = Receiver.start()) {
            long webhook = registerWebhook(a, receiver.url(path));
            long population = json(get(a, "/api/v1/cities/kobe")).get("population").asLong();
            try {
                for (int i = 1; i <= changes; i++) {
                    AppProcess writer = i % 2 == 1 ? a : b;
                    assertThat(patchCity(writer, "/api/v1/cities/kobe", "{\"population\":" + (population + i) + "}")
                            .statusCode()).isEqualTo(200);
                }
                receiver.await(path, request -> true, changes, Duration.ofSeconds(30));
                // both instances poll every second: give a duplicate time to show
                Thread.sleep(3000);
                List<String> ids = receiver.received(path).stream().map(request -> request.header("webhook-id")).toList();
                assertThat(ids).as("webhook-ids received").hasSize(changes).doesNotHaveDuplicates();
            } finally {
                patchCity(a, "/api/v1/cities/kobe", "{\"population\":" + population + "}");
                deleteWebhook(a, webhook);
            }
        }
    }

    @Test
    @Timeout(240)
    void aDeliveryPendingWhileEveryInstanceRestartsStillArrives() throws Exception {
        String path = "/" + schema + "/restart";
        try (Receiver receiver = Receiver.start()) {
            receiver.script(path, 503);
            long webhook = registerWebhook(a, receiver.url(path));
            long population = json(get(a, "/api/v1/cities/kobe")).get("population").asLong();
            assertThat(patchCity(a, "/api/v1/cities/kobe", "{\"population\":" + (population + 1) + "}").statusCode())
                    .isEqualTo(200);
            Receiver.Received first = receiver.await(path, request -> true, 1, Duration.ofSeconds(15)).get(0);
            // once the 503 is on record, the retry is due about 5 s later: stop both instances before that
            long recorded = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (json(send(a, HttpRequest.newBuilder(a.uri("/api/v1/webhooks/" + webhook + "/deliveries"))
                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD)).GET())).path("items").path(0)
                    .path("statusCode").asInt() != 503 && System.nanoTime() < recorded) {
                Thread.sleep(50);
            }
            Thread stopA = new Thread(() -> stopQuietly(a));
            stopA.start();
            stopQuietly(b);
            stopA.join();
            long stopped = System.currentTimeMillis();
            assertThat(receiver.received(path)).as("attempts before the restart").hasSize(1);
            Thread.sleep(Math.max(0, first.receivedAtMillis() + 6000 - System.currentTimeMillis()));

            a = AppProcess.start("A2", app, work, env);
            b = AppProcess.start("B2", app, work, env);
            a.awaitReady(http, STARTUP);
            b.awaitReady(http, STARTUP);
            Receiver.Received retry = receiver.await(path, request -> true, 2, Duration.ofSeconds(90)).get(1);
            assertThat(retry.header("webhook-id")).isEqualTo(first.header("webhook-id"));
            assertThat(retry.receivedAtMillis()).as("received after the restart").isGreaterThan(stopped);
            Thread.sleep(2000);
            assertThat(receiver.received(path)).as("attempts in all").hasSize(2);
            patchCity(a, "/api/v1/cities/kobe", "{\"population\":" + population + "}");
            deleteWebhook(a, webhook);
        }
    }

    private static void stopQuietly(AppProcess instance) {
        try {
            instance.stop(Duration.ofSeconds(25));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Registers an endpoint for city.updated through {@code app}; answers its id. */
    private static long registerWebhook(AppProcess app, String url) throws Exception {
        HttpResponse<String> created = send(app, HttpRequest.newBuilder(app.uri("/api/v1/webhooks"))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"url\":" + JSON.writeValueAsString(url)
                        + ",\"events\":[\"city.updated\"]}")));
        assertThat(created.statusCode()).as("webhook registration: %s", created.body()).isEqualTo(201);
        return json(created).get("id").asLong();
    }

    private static void deleteWebhook(AppProcess app, long id) {
        send(app, HttpRequest.newBuilder(app.uri("/api/v1/webhooks/" + id))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .DELETE());
    }

    /** Removes every {@code publication} object, however deeply embedded: what staff see and the public does not. */
    private static void withoutPublication(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("publication");
        }
        node.forEach(TwoInstancesIT::withoutPublication);
    }

    /**
     * Reads {@code path} on {@code app} right away and fails unless it answers {@code expectedTag}. A stale
     * answer is measured before failing: how long the instance kept serving it.
     */
    private static HttpResponse<String> assertFresh(AppProcess app, String path, String expectedTag, String oldTag,
            String what) {
        return assertFresh(app, path, response -> expectedTag.equals(etag(response)), oldTag, what);
    }

    private static HttpResponse<String> assertFresh(AppProcess app, String path, Predicate<HttpResponse<String>> fresh,
            String oldTag, String what) {
        HttpResponse<String> read = get(app, path);
        if (fresh.test(read)) {
            return read;
        }
        String seen = read.headers().firstValue("ETag").orElse("(none)");
        String kind = seen.equals(oldTag) ? "the pre-write ETag " + seen : "ETag " + seen;
        long start = System.nanoTime();
        int polls = 0;
        String caughtUp = "still stale after 10 s";
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10)) {
            polls++;
            if (fresh.test(get(app, path))) {
                caughtUp = "fresh " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms later (poll "
                        + polls + ")";
                break;
            }
        }
        throw new AssertionError("Stale read: GET " + path + " on " + app.name() + " right after " + what
                + " answered " + kind + "; " + caughtUp + ". Body: "
                + (read.body().length() > 300 ? read.body().substring(0, 300) + "…" : read.body()));
    }

    /**
     * The survey aggregate and the page that embeds it, from both instances, once they agree and have not
     * changed for three reads in a row (100 ms apart; at most 10 s).
     */
    private static JsonNode settledSurvey() throws InterruptedException {
        String survey = "/api/v1/pages/" + PAGE + "/survey";
        String page = "/api/v1/pages/" + PAGE;
        JsonNode last = null;
        int same = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> pageA = get(a, page);
            HttpResponse<String> pageB = get(b, page);
            ObjectNode now = JSON.createObjectNode();
            now.set("A", json(get(a, survey)));
            now.set("B", json(get(b, survey)));
            now.set("pageA", json(pageA));
            now.put("pageTagA", etag(pageA));
            now.put("pageTagB", etag(pageB));
            boolean agree = now.get("A").equals(now.get("B")) && now.get("A").equals(json(pageB).get("survey"));
            same = agree && now.equals(last) ? same + 1 : 0;
            if (same == 2) {
                return now;
            }
            last = now;
            Thread.sleep(100);
        }
        throw new AssertionError("The instances did not settle on one survey result within 10 s; last: " + last);
    }

    private static HttpResponse<String> get(AppProcess app, String path) {
        HttpResponse<String> response = send(app, HttpRequest.newBuilder(app.uri(path)).GET());
        assertThat(response.statusCode()).as("GET %s on %s: %s", path, app.name(), response.body()).isEqualTo(200);
        return response;
    }

    /** A merge patch of a city, published at once. */
    private static HttpResponse<String> patchCity(AppProcess app, String path, String mergePatch) {
        return send(app, HttpRequest.newBuilder(app.uri(path + "?publish=true"))
                .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(mergePatch)));
    }

    private static HttpResponse<String> vote(AppProcess app, String visitor, String rating) {
        return send(app, HttpRequest.newBuilder(app.uri("/api/v1/pages/" + PAGE + "/votes"))
                .header("Content-Type", "application/json")
                .header("X-Visitor-Id", visitor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"rating\":\"" + rating + "\"}")));
    }

    private static HttpResponse<String> anonymousVote(AppProcess app, String address) {
        return send(app, HttpRequest.newBuilder(app.uri("/api/v1/pages/" + PAGE + "/votes"))
                .header("Content-Type", "application/json")
                .header("User-Agent", "TwoInstancesIT")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("{\"rating\":\"AVERAGE\"}")));
    }

    private static HttpResponse<String> listUsers(AppProcess app, String user, String password, String address) {
        return send(app, HttpRequest.newBuilder(app.uri("/api/v1/users"))
                .header("Authorization", basic(user, password))
                .header("X-Forwarded-For", address)
                .GET());
    }

    private static void assertRetryLater(HttpResponse<String> response, String what, long maxSeconds) {
        assertThat(response.statusCode()).as("%s: %s", what, response.body()).isEqualTo(429);
        String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        assertThat(retryAfter).as("Retry-After of %s", what).isNotNull().matches("[0-9]+");
        assertThat(Long.parseLong(retryAfter)).as("Retry-After of %s", what).isBetween(1L, maxSeconds);
    }

    private static HttpResponse<String> send(AppProcess app, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Request to " + app.name() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag")
                .orElseThrow(() -> new AssertionError("no ETag on " + response.request().uri()));
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON from " + response.request().uri() + ": " + response.body(), e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
