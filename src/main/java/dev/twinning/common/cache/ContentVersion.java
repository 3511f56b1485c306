package dev.twinning.common.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import dev.twinning.database.DatabaseFailures;
import dev.twinning.database.DatabaseReady;

/**
 * The generation of what this instance may serve from its read cache, and its lease (migration V18).
 * <p>
 * A listener thread LISTENs on one connection. Database triggers NOTIFY every change of published content and
 * of survey counts, and every writer announces a ticket after its commit ({@link CacheInvalidation}); whatever
 * the listener hears starts a new generation, which drops every cached answer. It then acknowledges the
 * highest ticket heard in this instance's lease row, on the same connection, so a lease that is renewed is
 * one whose notifications are being read. Writers wait for those acknowledgements, so a cache hit needs no
 * round trip of its own.
 * <p>
 * Hits are served only while the lease is live as this instance counts it: from the moment a renewal was
 * sent, {@link #LEASE} less a margin. The database counts the same lease from a later moment (when it ran the
 * renewal), so this instance always stops serving before any writer may stop waiting for it. A renewal after
 * a lapse starts a new generation first.
 */
@Singleton
public class ContentVersion {

    public static final long UNKNOWN = -1;
    static final String CONTENT_CHANNEL = "twinning_content";
    static final String SURVEY_CHANNEL = "twinning_survey";
    static final String TICKET_CHANNEL = "twinning_tickets";
    static final String LISTENER_NAME = "twinning cache listener";
    /** How long a renewal keeps an instance counted as live; writers wait at most this long for a silent one. */
    static final Duration LEASE = Duration.ofSeconds(3);
    /** This instance stops serving this long before its lease ends in the database (clock drift, slow statements). */
    private static final long MARGIN_NANOS = Duration.ofSeconds(1).toNanos();
    private static final int RENEW_MILLIS = 500;
    /**
     * Rows of instances that ended without giving up their lease (killed, crashed) are deleted by the next
     * instance to connect once their lease has been over this long, so restarts do not pile rows up.
     */
    static final String FORGOTTEN_AFTER = "1 hour";
    private static final Logger LOG = Logger.getLogger(ContentVersion.class);

    private final UUID instance = UUID.randomUUID();
    private final AtomicLong generation = new AtomicLong();
    private volatile long servableUntil = System.nanoTime();
    /** When the last renewal that the database applied was sent (only the listener thread uses it). */
    private long lastRenewal = System.nanoTime() - LEASE.toNanos();
    private volatile boolean listening;
    private volatile String schema;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private volatile Runnable onChange = () -> {
    };
    private volatile boolean running = true;
    private Thread listener;

    public ContentVersion(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /** The generation cached answers are stored under, or {@link #UNKNOWN} while this instance may not serve them. */
    public long current() {
        return listening && System.nanoTime() - servableUntil < 0 ? generation.get() : UNKNOWN;
    }

    /** This instance's lease row. */
    UUID instance() {
        return instance;
    }

    /** The schema whose tickets this instance hears (several apps may share one database). */
    Optional<String> schema() {
        return Optional.ofNullable(schema);
    }

    void onChange(Runnable action) {
        this.onChange = action;
    }

    /** Drops every cached answer now: a writer on this instance does so after its commit without waiting. */
    void startGeneration() {
        generation.incrementAndGet();
        onChange.run();
    }

    synchronized void start(@Observes DatabaseReady ready) {
        if (listener != null) {
            return; // DatabaseReady may be fired again after a failed start; one listener is enough
        }
        listener = new Thread(this::listen, "content-version-listener");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen() {
        long acknowledged = 0;
        while (running) {
            try (Connection connection = connect(LISTENER_NAME);
                    Statement statement = connection.createStatement();
                    PreparedStatement renew = connection.prepareStatement("insert into cache_leases"
                            + " (instance, acknowledged, expires_at) values (?, ?, clock_timestamp() + ?::interval)"
                            + " on conflict (instance) do update set acknowledged = greatest(cache_leases.acknowledged, excluded.acknowledged),"
                            + " expires_at = excluded.expires_at")) {
                statement.execute("listen " + CONTENT_CHANNEL + "; listen " + TICKET_CHANNEL + "; listen " + SURVEY_CHANNEL);
                schema = single(statement, "select current_schema()");
                // The row first, with what was really heard: a writer who takes a ticket from now on waits for
                // this instance. Every ticket issued so far belongs to a write committed before it, so dropping
                // everything after reading the last one covers them all; later ones will be heard.
                renew(renew, acknowledged);
                statement.executeUpdate("delete from cache_leases where expires_at < clock_timestamp() - interval '"
                        + FORGOTTEN_AFTER + "'");
                long issued = Long.parseLong(single(statement,
                        "select case when is_called then last_value else 0 end from cache_tickets"));
                startGeneration();
                renew(renew, Math.max(acknowledged, issued));
                acknowledged = Math.max(acknowledged, issued);
                listening = running;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                long renewed = System.nanoTime();
                while (running) {
                    PGNotification[] received = notifications.getNotifications(RENEW_MILLIS);
                    long heard = acknowledged;
                    if (received != null && received.length > 0) {
                        startGeneration();
                        for (PGNotification notification : received) {
                            heard = Math.max(heard, ticket(notification));
                        }
                    }
                    if (running && (heard != acknowledged || System.nanoTime() - renewed >= RENEW_MILLIS * 1_000_000L)) {
                        renewed = renew(renew, heard);
                        acknowledged = heard;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                startGeneration();
                if (running) {
                    LOG.warnf("Cannot listen for content changes (%s); the read cache is off until it can",
                            DatabaseFailures.describe(e));
                    pause();
                }
            } finally {
                listening = false;
            }
        }
    }

    /**
     * Acknowledges the tickets heard and extends the lease; answers when it was sent. After a lapse, writers may
     * have stopped waiting for this instance, so whatever it holds is dropped before it serves again. The
     * database may have let the old lease end while the renewal was on its way (it ended no earlier than the
     * previous renewal's sending plus {@link #LEASE}), so the lapse is judged again once the renewal is done.
     */
    private long renew(PreparedStatement renew, long acknowledged) throws SQLException {
        long sent = System.nanoTime();
        if (sent - servableUntil >= 0) {
            startGeneration();
        }
        renew.setObject(1, instance);
        renew.setLong(2, acknowledged);
        renew.setString(3, LEASE.toMillis() + " milliseconds");
        renew.executeUpdate();
        if (System.nanoTime() - lastRenewal >= LEASE.toNanos()) {
            startGeneration();
        }
        lastRenewal = sent;
        servableUntil = sent + LEASE.toNanos() - MARGIN_NANOS;
        return sent;
    }

    /** A ticket of this schema's writers, or 0 for a trigger's notification or another schema's ticket. */
    private long ticket(PGNotification notification) {
        if (!TICKET_CHANNEL.equals(notification.getName())) {
            return 0;
        }
        String payload = notification.getParameter();
        int colon = payload.lastIndexOf(':');
        if (colon < 0 || !payload.substring(0, colon).equals(schema)) {
            return 0;
        }
        return Long.parseLong(payload.substring(colon + 1));
    }

    /** A connection of its own, to the database and schema the listener uses. */
    Connection connect(String applicationName) throws SQLException {
        Properties properties = connectionProperties();
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(url, properties);
    }

    /** Bounded like the pool's connections, so that the listener can never hang on a silent network. */
    private Properties connectionProperties() {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        return properties;
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet row = statement.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** A stopping instance gives up its lease, so that writers elsewhere do not wait for it. */
    @PreDestroy
    void stop() {
        running = false;
        listening = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(RENEW_MILLIS * 2L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (schema == null) {
            return;
        }
        try (Connection connection = connect(LISTENER_NAME);
                PreparedStatement release = connection.prepareStatement("delete from cache_leases where instance = ?")) {
            release.setObject(1, instance);
            release.executeUpdate();
        } catch (SQLException e) {
            LOG.debugf("Could not release the cache lease (%s); it expires on its own", DatabaseFailures.describe(e));
        }
    }
}
