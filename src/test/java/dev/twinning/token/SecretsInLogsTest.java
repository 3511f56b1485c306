package dev.twinning.token;

import static dev.twinning.token.ApiTokenTest.bearer;
import static dev.twinning.token.ApiTokenTest.login;
import static dev.twinning.token.ApiTokenTest.token;
import static dev.twinning.token.ApiTokenTest.user;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.twinning.hardening.DatabaseSnapshot;

/**
 * Passwords, API tokens and Authorization headers never reach a log line or a problem body: the test captures
 * every log record (with the request log and the security loggers at DEBUG) while it logs in right and wrong,
 * creates, uses and revokes a token and sends bad ones, then searches the captured text and the answers.
 */
@QuarkusTest
class SecretsInLogsTest {

    private static final List<String> LOGGERS = List.of("dev.twinning", "dev.twinning.http", "io.quarkus.security",
            "io.quarkus.oidc",
            "io.quarkus.vertx.http.runtime.security", "io.quarkus.elytron", "io.quarkus.hibernate", "org.hibernate.SQL");
    private final Map<String, Level> levels = new java.util.HashMap<>();
    private final List<String> captured = new ArrayList<>();
    private final Handler capture = new Handler() {

        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            synchronized (captured) {
                captured.add(formatter.format(record));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureEverything() {
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            levels.put(name, logger.getLevel());
            logger.setLevel(Level.FINE);
        }
    }

    @AfterEach
    void restore() {
        Logger.getLogger("").removeHandler(capture);
        levels.forEach((name, level) -> Logger.getLogger(name).setLevel(level));
        DatabaseSnapshot.forgetFailedLogins();
    }

    @Test
    void noSecretIsLoggedOrEchoed() {
        String owner = user("EDITOR");
        String wrongPassword = "wrong-password-" + System.nanoTime();
        List<String> answers = new ArrayList<>();
        answers.add(given().auth().preemptive().basic(owner, wrongPassword).get("/api/v1/trash").then().statusCode(401)
                .extract().asString());
        String token = token(owner, "content:read");
        answers.add(bearer(token).get("/api/v1/users").then().statusCode(403).extract().asString());
        answers.add(bearer(token).get("/api/v1/trash").then().statusCode(200).extract().asString());
        long id = login(owner).get("/api/v1/tokens").then().extract().jsonPath().getLong("items[0].id");
        login(owner).delete("/api/v1/tokens/" + id).then().statusCode(204);
        answers.add(bearer(token).get("/api/v1/trash").then().statusCode(401).extract().asString());
        String unknown = ApiTokenSecret.generate();
        answers.add(bearer(unknown).get("/api/v1/trash").then().statusCode(401).extract().asString());
        String jwtLike = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtand0In0.c2lnbmF0dXJl";
        answers.add(bearer(jwtLike).get("/api/v1/trash").then().statusCode(401).extract().asString());

        String basicHeader = Base64.getEncoder()
                .encodeToString((owner + ":" + wrongPassword).getBytes(StandardCharsets.UTF_8));
        List<String> secrets = List.of(wrongPassword, ApiTokenTest.PASSWORD, token, token.substring(12), unknown, jwtLike,
                basicHeader);
        String log;
        synchronized (captured) {
            log = String.join("", captured);
        }
        assertThat(log).as("the captured log").isNotEmpty();
        assertThat(log).contains("/api/v1/trash");
        for (String secret : secrets) {
            assertThat(log).doesNotContain(secret);
            assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(secret));
        }
        assertThat(log).doesNotContainIgnoringCase("authorization:");
    }
}
