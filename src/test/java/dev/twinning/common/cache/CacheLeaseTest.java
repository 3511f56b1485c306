package dev.twinning.common.cache;

import static dev.twinning.user.Staff.asEditor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The writer's side of the read cache's consistency, against lease rows of instances that this test plays:
 * a write answers once every live instance has acknowledged it, and a silent one holds it up only for its lease.
 */
@QuarkusTest
class CacheLeaseTest {

    @Inject
    DataSource dataSource;

    @Inject
    ContentVersion version;

    private long population;

    @BeforeEach
    void readPopulation() {
        population = given().get("/api/v1/cities/kobe").then().statusCode(200).extract().jsonPath().getLong("population");
    }

    @Test
    void thisInstanceHoldsALeaseAndAcknowledgesEveryTicket() throws Exception {
        long before = lastTicket();
        CompletableFuture.runAsync(() -> patchPopulation(1)).get(10, TimeUnit.SECONDS);
        try {
            long ticket = lastTicket();
            assertThat(ticket).as("the write's ticket").isGreaterThan(before);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (acknowledged(version.instance()) < ticket && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(acknowledged(version.instance())).isGreaterThanOrEqualTo(ticket);
        } finally {
            patchPopulation(0);
        }
    }

    @Test
    void aWriteAnswersOnlyOnceEveryLiveInstanceHasAcknowledgedIt() throws Exception {
        UUID other = UUID.randomUUID();
        lease(other, "3 seconds");
        try {
            CompletableFuture<Integer> write = CompletableFuture.supplyAsync(() -> patchPopulation(1));
            Thread.sleep(700);
            assertThat(write).as("the write, while another live instance has not acknowledged it").isNotDone();
            acknowledgeEverything(other);
            assertThat(write.get(2, TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            delete(other);
            patchPopulation(0);
        }
    }

    @Test
    void anInstanceWhoseLeaseEndedHoldsNoWriteUp() throws Exception {
        UUID dead = UUID.randomUUID();
        lease(dead, "-1 seconds");
        try {
            assertThat(CompletableFuture.supplyAsync(() -> patchPopulation(1)).get(2, TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            delete(dead);
            patchPopulation(0);
        }
    }

    @Test
    void aSilentInstanceHoldsAWriteUpForAtMostItsLease() throws Exception {
        UUID silent = UUID.randomUUID();
        lease(silent, "1 second");
        try {
            // It never acknowledges: once its lease ends, the write answers (the writer's own bound is 3 s).
            assertThat(CompletableFuture.supplyAsync(() -> patchPopulation(1)).get(5, TimeUnit.SECONDS)).isEqualTo(200);
            given().get("/api/v1/cities/kobe").then().statusCode(200);
        } finally {
            delete(silent);
            patchPopulation(0);
        }
    }

    /** After a database restart the writers' connection is dead: a write replaces it instead of waiting out a lease. */
    @Test
    void aWriteAfterItsConnectionWasDroppedAnswersWithoutWaitingOutTheLease() throws Exception {
        CompletableFuture.runAsync(() -> patchPopulation(1)).get(10, TimeUnit.SECONDS);
        assertThat(terminate(CacheInvalidation.CONNECTION_NAME)).as("writers' connections dropped").isEqualTo(1);
        UUID other = UUID.randomUUID();
        lease(other, "3 seconds");
        try {
            CompletableFuture<Integer> write = CompletableFuture.supplyAsync(() -> patchPopulation(2));
            Thread.sleep(300);
            assertThat(write).as("the write waits for the other instance on a new connection").isNotDone();
            acknowledgeEverything(other);
            assertThat(write.get(2, TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            delete(other);
            patchPopulation(0);
        }
    }

    /** A crashed instance leaves its row behind; an instance that (re)connects deletes it once long over. */
    @Test
    void leasesLongOverAreDeletedWhenAnInstanceConnects() throws Exception {
        UUID crashed = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        lease(crashed, "-2 hours");
        lease(recent, "-1 minute");
        assertThat(terminate(ContentVersion.LISTENER_NAME)).as("listener connections dropped").isEqualTo(1);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (acknowledged(crashed) >= 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(acknowledged(crashed)).as("the row of a lease over for two hours").isEqualTo(-1);
            assertThat(acknowledged(recent)).as("the row of a lease over for a minute").isZero();
            assertThat(acknowledged(version.instance())).as("this instance's own row").isGreaterThanOrEqualTo(0);
        } finally {
            delete(crashed);
            delete(recent);
        }
    }

    private int patchPopulation(int offset) {
        return asEditor().contentType("application/merge-patch+json").body("{\"population\":" + (population + offset) + "}")
                .patch("/api/v1/cities/kobe?publish=true").statusCode();
    }

    /** Drops the app's connections with this application name, as a database restart would; answers how many. */
    private long terminate(String applicationName) throws SQLException {
        return number("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?",
                applicationName);
    }

    private void lease(UUID instance, String expiresIn) throws SQLException {
        update("insert into cache_leases (instance, acknowledged, expires_at) values (?, 0, clock_timestamp() + '"
                + expiresIn + "'::interval)", instance);
    }

    private void acknowledgeEverything(UUID instance) throws SQLException {
        update("update cache_leases set acknowledged = (select last_value from cache_tickets) where instance = ?", instance);
    }

    private void delete(UUID instance) throws SQLException {
        update("delete from cache_leases where instance = ?", instance);
    }

    private long lastTicket() throws SQLException {
        return number("select case when is_called then last_value else 0 end from cache_tickets");
    }

    private long acknowledged(UUID instance) throws SQLException {
        return number("select acknowledged from cache_leases where instance = ?", instance);
    }

    /** The first column of the statement's first row, or -1 when it answers no row. */
    private long number(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        }
    }

    private void update(String sql, UUID instance) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, instance);
            statement.executeUpdate();
        }
    }
}
