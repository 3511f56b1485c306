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
import org.postgresql.PGNotification;

import dev.twinning.database.DatabaseFailures;
import dev.twinning.database.DatabaseReady;

/**
 * The generation of what this instance may serve from its read cache. Database triggers NOTIFY on every
 * change of published content (cities, countries, agreements, signatories, pages) and of survey counts;
 * every instance LISTENs and starts a new generation when it hears one, so a write through any instance
 * invalidates the caches of all of them. While this instance cannot listen, the generation is unknown and
 * nothing is served from the cache. The content_version row is also polled, as a safety net.
 */
@Singleton
public class ContentVersion {

    public static final long UNKNOWN = -1;
    static final String CONTENT_CHANNEL = "twinning_content";
    static final String SURVEY_CHANNEL = "twinning_survey";
    private static final Logger LOG = Logger.getLogger(ContentVersion.class);
    private static final int POLL_MILLIS = 5_000;

    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
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
        return listening ? generation.get() : UNKNOWN;
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
                statement.execute("listen " + CONTENT_CHANNEL + "; listen " + SURVEY_CHANNEL);
                long stored = read(statement);
                startGeneration();
                listening = true;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
                    long now = read(statement);
                    if ((received != null && received.length > 0) || now != stored) {
                        startGeneration();
                    }
                    stored = now;
                }
            } catch (SQLException e) {
                listening = false;
                startGeneration();
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

    private void startGeneration() {
        generation.incrementAndGet();
        onChange.run();
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
