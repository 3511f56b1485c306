package dev.twinning.common.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.twinning.database.DatabaseFailures;

/**
 * The writer's half of cross-instance cache consistency ({@link ContentVersion} is the reader's): after a
 * commit, {@link #awaitEverywhere()} announces a ticket and returns once every other instance with a live
 * lease has acknowledged it, that is, has dropped every answer cached before the commit. A write answers,
 * a webhook goes out and a scheduled publication finishes only after that, so no instance serves a stale
 * answer afterwards. An instance that stops acknowledging holds writers up for at most its lease.
 */
@ApplicationScoped
public class CacheInvalidation {

    private static final Logger LOG = Logger.getLogger(CacheInvalidation.class);
    private static final String TICKET = "select ticket, pg_notify('" + ContentVersion.TICKET_CHANNEL
            + "', current_schema() || ':' || ticket) from (select nextval('cache_tickets') as ticket) issued";
    private static final String BEHIND = "select count(*) from cache_leases"
            + " where instance <> ? and acknowledged < ? and expires_at > clock_timestamp()";
    private static final long MAX_PAUSE_MILLIS = 20;

    private final ContentVersion version;
    private final DataSource dataSource;

    public CacheInvalidation(ContentVersion version, DataSource dataSource) {
        this.version = version;
        this.dataSource = dataSource;
    }

    /**
     * Drops this instance's cached answers, then waits until every other live instance has dropped theirs.
     * Call it on a worker thread, after the transaction that wrote has committed.
     */
    public void awaitEverywhere() {
        version.startGeneration();
        long deadline = System.nanoTime() + ContentVersion.LEASE.toNanos() + MAX_PAUSE_MILLIS * 1_000_000L;
        try (Connection connection = dataSource.getConnection()) {
            long ticket;
            try (Statement statement = connection.createStatement(); ResultSet issued = statement.executeQuery(TICKET)) {
                issued.next();
                ticket = issued.getLong(1);
            }
            try (PreparedStatement behind = connection.prepareStatement(BEHIND)) {
                behind.setObject(1, version.instance());
                behind.setLong(2, ticket);
                for (long pause = 1; waiting(behind); pause = Math.min(pause * 2, MAX_PAUSE_MILLIS)) {
                    if (System.nanoTime() - deadline > 0) {
                        LOG.warnf("Cache ticket %d not acknowledged by every live instance within the lease", ticket);
                        return;
                    }
                    Thread.sleep(pause);
                }
            }
        } catch (SQLException e) {
            // The write has committed and its triggers announced it; without the database no instance can
            // renew its lease either, so by the lease's end none serves what it held before.
            LOG.warnf("Could not confirm that every instance dropped its cached answers (%s); waiting out the lease",
                    DatabaseFailures.describe(e));
            sleepUntil(deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waiting(PreparedStatement behind) throws SQLException {
        try (ResultSet count = behind.executeQuery()) {
            count.next();
            return count.getLong(1) > 0;
        }
    }

    private static void sleepUntil(long deadline) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
