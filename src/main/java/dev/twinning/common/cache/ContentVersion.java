package dev.twinning.common.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import dev.twinning.database.DatabaseFailures;
import dev.twinning.database.DatabaseReady;

/**
 * The version of the published content (cities, countries, agreements, signatories), which a database
 * trigger raises on every change and announces with NOTIFY. Every instance listens, so a write through
 * any instance invalidates the read cache of all of them. While this instance cannot listen, the version
 * is unknown and nothing is served from the cache.
 */
@Singleton
public class ContentVersion {

    public static final long UNKNOWN = -1;
    static final String CHANNEL = "twinning_content";
    private static final Logger LOG = Logger.getLogger(ContentVersion.class);
    /** Also re-read the version this often, in case a notification was missed while reconnecting. */
    private static final int POLL_MILLIS = 5_000;

    private final AtomicLong version = new AtomicLong(UNKNOWN);
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

    public long current() {
        return version.get();
    }

    void onChange(Runnable action) {
        this.onChange = action;
    }

    void start(@Observes DatabaseReady ready) {
        listener = new Thread(this::listen, "content-version-listener");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username.orElse(null), password.orElse(null));
                    Statement statement = connection.createStatement()) {
                statement.execute("listen " + CHANNEL);
                update(read(statement));
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    notifications.getNotifications(POLL_MILLIS);
                    update(read(statement));
                }
            } catch (SQLException e) {
                update(UNKNOWN);
                if (running) {
                    LOG.warnf("Cannot listen for content changes (%s); the read cache is off until it can",
                            DatabaseFailures.describe(e));
                    pause();
                }
            }
        }
    }

    private static long read(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("select version from content_version")) {
            return row.next() ? row.getLong(1) : UNKNOWN;
        }
    }

    private void update(long next) {
        if (version.getAndSet(next) != next) {
            onChange.run();
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

    @PreDestroy
    void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }
}
