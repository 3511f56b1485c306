package dev.twinning.hardening;

import static dev.twinning.user.Staff.ADMIN;
import static dev.twinning.user.Staff.ADMIN_PASSWORD;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * After 10 failed logins for one user or from one address within 15 minutes, further attempts get 429 with
 * Retry-After, even with the right password. The tests' client addresses come from X-Forwarded-For, which
 * the test profile trusts from 127.0.0.1 only.
 */
@QuarkusTest
class LoginThrottleTest {

    private static final String USERS = "/api/v1/users";
    private static final String TRASH = "/api/v1/trash";

    @AfterEach
    void forget() {
        DatabaseSnapshot.forgetFailedLogins();
    }

    @Test
    void tenFailuresForOneUserFromManyAddressesLockThatUser() {
        String user = newUser();
        for (int i = 1; i <= 10; i++) {
            from("198.51.100." + i).auth().preemptive().basic(user, "wrong-" + i).get(TRASH).then().statusCode(401);
        }
        // Even the right password, not yet proven by a login, waits.
        from("198.51.100.77").auth().preemptive().basic(user, USER_PASSWORD).get(TRASH).then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        int retryAfter = Integer.parseInt(from("198.51.100.78").auth().preemptive().basic(user, USER_PASSWORD).get(TRASH)
                .then().statusCode(429).extract().header("Retry-After"));
        org.hamcrest.MatcherAssert.assertThat(retryAfter, allOf(greaterThan(0), lessThanOrEqualTo(15 * 60)));
        from("198.51.100.79").auth().preemptive().basic("someone.else", "whatever-password").get(TRASH).then().statusCode(401);
    }

    /**
     * Credentials proven by a login in the last minutes are no guesses: they pass while guesses lock the user,
     * and a user's parallel requests are not capped by the throttle.
     */
    @Test
    void aProvenLoginIsNotThrottled() throws Exception {
        String user = newUser();
        from("192.0.2.150").auth().preemptive().basic(user, USER_PASSWORD).get(TRASH).then().statusCode(200);
        for (int i = 1; i <= 10; i++) {
            from("192.0.2." + (150 + i)).auth().preemptive().basic(user, "wrong-" + i).get(TRASH).then().statusCode(401);
        }
        from("192.0.2.170").auth().preemptive().basic(user, USER_PASSWORD).get(TRASH).then().statusCode(200);
        from("192.0.2.171").auth().preemptive().basic(user, "wrong-again").get(TRASH).then().statusCode(429);

        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                answers.add(pool.submit(() -> from("192.0.2.180").auth().preemptive().basic(user, USER_PASSWORD)
                        .get(TRASH).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static final String USER_PASSWORD = "throttled-user-password";

    /** A new editor nobody has logged in as yet (so that its password is not proven); it reads the trash. */
    private static String newUser() {
        String name = "throttle." + java.util.UUID.randomUUID().toString().substring(0, 8);
        given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType("application/json")
                .body("{\"username\":\"" + name + "\",\"password\":\"" + USER_PASSWORD + "\",\"role\":\"EDITOR\"}")
                .post(USERS).then().statusCode(201);
        return name;
    }

    @Test
    void tenFailuresFromOneAddressLockThatAddress() {
        for (int i = 1; i <= 10; i++) {
            from("203.0.113.9").auth().preemptive().basic("guess" + i, "password").get(USERS).then().statusCode(401);
        }
        String user = newUser();
        from("203.0.113.9").auth().preemptive().basic(user, USER_PASSWORD).get(TRASH).then().statusCode(429);
        from("203.0.113.10").auth().preemptive().basic(user, USER_PASSWORD).get(TRASH).then().statusCode(200);
    }

    @Test
    void aSuccessfulLoginClearsTheUsersFailures() {
        String user = newUser();
        for (int i = 1; i <= 9; i++) {
            from("192.0.2." + i).auth().preemptive().basic(user, "wrong").get(TRASH).then().statusCode(401);
        }
        from("192.0.2.100").auth().preemptive().basic(user, USER_PASSWORD).get(TRASH).then().statusCode(200);
        for (int i = 11; i <= 19; i++) {
            from("192.0.2." + i).auth().preemptive().basic(user, "wrong").get(TRASH).then().statusCode(401);
        }
        from("192.0.2.101").auth().preemptive().basic(user, USER_PASSWORD).get(TRASH).then().statusCode(200);
    }

    /**
     * The check and the count are one locked step: 50 wrong passwords sent at once for one user, each from its own
     * address, get at most 10 password checks (401); the rest are refused before bcrypt (429).
     */
    @Test
    void parallelGuessesForOneUserCannotPassTheLimit() throws Exception {
        assertAtMostTenChecked(i -> from("198.18.0." + i).auth().preemptive().basic(ADMIN, "parallel-guess-" + i));
    }

    /** The same for 50 usernames guessed at once from one address. */
    @Test
    void parallelGuessesFromOneAddressCannotPassTheLimit() throws Exception {
        assertAtMostTenChecked(i -> from("198.18.1.1").auth().preemptive().basic("sprayed" + i, "password-" + i));
    }

    private static void assertAtMostTenChecked(IntFunction<RequestSpecification> guess)
            throws Exception {
        java.util.concurrent.ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            java.util.concurrent.CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    RequestSpecification request = guess.apply(n);
                    start.await();
                    return request.get(USERS).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            long checked = statuses.stream().filter(status -> status == 401).count();
            long refused = statuses.stream().filter(status -> status == 429).count();
            assertThat(checked + refused).as("statuses %s", statuses).isEqualTo(50);
            assertThat(checked).as("password checks").isBetween(1L, 10L);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void publicReadsAreNeverThrottled() {
        for (int i = 1; i <= 10; i++) {
            from("203.0.113.50").auth().preemptive().basic("guess" + i, "password").get(USERS).then().statusCode(401);
        }
        from("203.0.113.50").auth().preemptive().basic("guess", "password").get("/api/v1/cities").then().statusCode(200);
    }

    private static RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }
}
