package dev.twinning.common.cache;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
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
    /** The ticket, announced, and how many other instances hold a live lease: with none, nobody needs to hear it. */
    private static final String TICKET = "with issued as (select ticket, pg_notify('" + ContentVersion.TICKET_CHANNEL
            + "', current_schema() || ':' || ticket) from (select nextval('cache_tickets') as ticket) next)"
            + " select ticket, (select count(*) from cache_leases where instance <> ? and expires_at > clock_timestamp())"
            + " from issued";
    private static final String BEHIND = "select count(*) from cache_leases"
            + " where instance <> ? and acknowledged < ? and expires_at > clock_timestamp()";
    private static final long MAX_PAUSE_MILLIS = 20;
    static final String CONNECTION_NAME = "twinning cache writers";

    private final ContentVersion version;
    /** One connection of its own for every writer on this instance, held only while a statement runs. */
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;
    private PreparedStatement issue;
    private PreparedStatement behind;

    public CacheInvalidation(ContentVersion version) {
        this.version = version;
    }

    /**
     * Drops this instance's cached answers, then waits until every other live instance has dropped theirs.
     * Call it on a worker thread, after the transaction that wrote has committed. Waiting writers hold no
     * connection of the pool, so an instance that died without giving up its lease slows writes elsewhere
     * for at most its lease but cannot starve them of connections.
     */
    public void awaitEverywhere() {
        version.startGeneration();
        long ticket;
        try {
            ticket = issueTicket();
        } catch (SQLException e) {
            // The write has committed and its triggers announced it; an instance that cannot be told cannot
            // renew its lease either, so by the lease's end none serves what it held before.
            LOG.warnf("Could not confirm that every instance dropped its cached answers (%s); waiting out the lease",
                    DatabaseFailures.describe(e));
            sleep(ContentVersion.LEASE.toMillis());
            return;
        }
        if (ticket < 0) {
            return;
        }
        long deadline = System.nanoTime() + ContentVersion.LEASE.toNanos() + MAX_PAUSE_MILLIS * 1_000_000L;
        try {
            for (long pause = 1; waiting(ticket); pause = Math.min(pause * 2, MAX_PAUSE_MILLIS)) {
                if (System.nanoTime() - deadline > 0) {
                    LOG.warnf("Cache ticket %d not acknowledged by every live instance within the lease", ticket);
                    return;
                }
                sleep(pause);
            }
        } catch (SQLException e) {
            LOG.warnf("Could not confirm that every instance dropped its cached answers (%s); waiting out the lease",
                    DatabaseFailures.describe(e));
            sleep(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        }
    }

    /** The ticket, announced; -1 when no other instance holds a live lease and so nobody needs to hear it. */
    private long issueTicket() throws SQLException {
        return withConnection(() -> {
            issue.setObject(1, version.instance());
            try (ResultSet issued = issue.executeQuery()) {
                issued.next();
                return issued.getLong(2) == 0 ? -1 : issued.getLong(1);
            }
        });
    }

    private boolean waiting(long ticket) throws SQLException {
        return withConnection(() -> {
            behind.setObject(1, version.instance());
            behind.setLong(2, ticket);
            try (ResultSet count = behind.executeQuery()) {
                count.next();
                return count.getLong(1) > 0;
            }
        });
    }

    private interface Work<T> {

        T run() throws SQLException;
    }

    /**
     * Runs one statement on the shared connection, opening it when needed. A connection that fails is replaced
     * and the statement tried once more on the new one: after a database restart the old one is simply dead.
     */
    private <T> T withConnection(Work<T> work) throws SQLException {
        lock.lock();
        try {
            boolean reused = connection != null;
            try {
                return open(work);
            } catch (SQLException e) {
                close();
                if (!reused) {
                    throw e;
                }
                try {
                    return open(work);
                } catch (SQLException again) {
                    close();
                    throw again;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private <T> T open(Work<T> work) throws SQLException {
        if (connection == null) {
            connection = version.connect(CONNECTION_NAME);
            issue = connection.prepareStatement(TICKET);
            behind = connection.prepareStatement(BEHIND);
        }
        return work.run();
    }

    @PreDestroy
    void close() {
        lock.lock();
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.debugf("Closing the cache invalidation connection: %s", DatabaseFailures.describe(e));
        } finally {
            connection = null;
            lock.unlock();
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
