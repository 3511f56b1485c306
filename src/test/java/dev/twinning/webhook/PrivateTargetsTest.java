package dev.twinning.webhook;

import static dev.twinning.user.Staff.asAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * With private targets refused (the production default), registration refuses URLs that resolve to loopback,
 * private, link-local, multicast or unspecified addresses, and a delivery whose URL resolves to one by the time
 * it is sent is not made.
 */
@QuarkusTest
@TestProfile(PrivateTargetsTest.Refused.class)
class PrivateTargetsTest {

    /** The production setting. */
    public static class Refused implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("twinning.webhook.allow-private-targets", "false");
        }
    }

    @Inject
    DataSource dataSource;

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]/hook",
            "http://10.1.2.3/hook", "http://172.16.0.1/hook", "http://192.168.1.1/hook",
            "http://169.254.169.254/latest/meta-data", "http://0.0.0.0/hook", "http://224.0.0.1/hook",
            "http://[fd00::1]/hook", "http://[fe80::1]/hook", "http://100.64.0.1/hook", "http://[::ffff:127.0.0.1]/hook",
            "http://[64:ff9b::a00:1]/hook", "https://2130706433/hook"})
    void aPrivateTargetIsRefusedAtRegistration(String url) {
        asAdmin().contentType("application/json").body(Map.of("url", url, "events", List.of("*")))
                .post("/api/v1/webhooks").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("url"))
                .body("errors[0].message", containsString("TWINNING_WEBHOOK_ALLOW_PRIVATE_TARGETS"));
    }

    @Test
    void aTargetThatResolvesPrivatelyByDeliveryTimeIsNotCalled() throws Exception {
        try (Receiver receiver = Receiver.start()) {
            long webhook;
            // registered while its name pointed elsewhere: written straight into the table
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement("insert into webhooks (url, events, secret)"
                            + " values (?, '{city.created}', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwQ3Zk8lTqXyA=') returning id")) {
                insert.setString(1, "http://localhost:" + receiver.port() + "/rebound");
                try (ResultSet row = insert.executeQuery()) {
                    row.next();
                    webhook = row.getLong(1);
                }
            }
            asAdmin().contentType("application/json")
                    .body("{\"name\":\"Rebinding " + System.nanoTime() + "\",\"country\":\"LV\"}")
                    .post("/api/v1/cities").then().statusCode(201);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            JsonPath log;
            do {
                Thread.sleep(100);
                log = asAdmin().get("/api/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200).extract()
                        .jsonPath();
            } while (log.getString("items[0].error") == null && System.nanoTime() < deadline);
            assertThat(log.getString("items[0].error")).startsWith("Not sent:").contains("loopback");
            assertThat(log.getString("items[0].state")).isEqualTo("PENDING");
            assertThat(log.getString("items[0].nextAttemptAt")).isNotNull();
            assertThat(receiver.all()).isEmpty();
            asAdmin().delete("/api/v1/webhooks/" + webhook).then().statusCode(204);
        }
    }
}
