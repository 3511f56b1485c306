package dev.twinning.common.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

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
 * invalidates the caches of all of them. NOTIFY reaches other sessions a moment after the writer's commit,
 * so a cache hit first waits for a barrier: a round trip on the listening connection that starts after the
 * request arrived, which delivers every notification committed before it. One round trip serves all the
 * hits waiting at that moment. While this instance cannot listen, nothing is served from the cache.
 */
@Singleton
public class ContentVersion {

    public static final long UNKNOWN = -1;
    static final String CONTENT_CHANNEL = "twinning_content";
    static final String SURVEY_CHANNEL = "twinning_survey";
    private static final Logger LOG = Logger.getLogger(ContentVersion.class);
    private static final int POLL_MILLIS = 5_000;

    private final AtomicLong generation = new AtomicLong();
    private final Object lock = new Object();
    private List<Consumer<Boolean>> waiting = new ArrayList<>();
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

    /**
     * Calls {@code then} on the listener thread once every change committed before this call has been heard
     * (with true), or when that cannot be known because the database is out of reach (with false).
     */
    void afterBarrier(Consumer<Boolean> then) {
        synchronized (lock) {
            waiting.add(then);
            lock.notifyAll();
        }
    }

    void start(@Observes DatabaseReady ready) {
        listener = new Thread(this::listen, "content-version-listener");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, connectionProperties());
                    Statement statement = connection.createStatement()) {
                statement.execute("listen " + CONTENT_CHANNEL + "; listen " + SURVEY_CHANNEL);
                long stored = read(statement);
                startGeneration();
                listening = true;
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    List<Consumer<Boolean>> batch = nextBatch();
                    long now = read(statement);
                    PGNotification[] received = notifications.getNotifications();
                    if ((received != null && received.length > 0) || now != stored) {
                        startGeneration();
                    }
                    stored = now;
                    batch.forEach(then -> then.accept(true));
                }
            } catch (SQLException e) {
                listening = false;
                startGeneration();
                nextBatchNow().forEach(then -> then.accept(false));
                if (running) {
                    LOG.warnf("Cannot listen for content changes (%s); the read cache is off until it can",
                            DatabaseFailures.describe(e));
                    pause();
                }
            }
        }
        nextBatchNow().forEach(then -> then.accept(false));
    }

    /** The hits waiting for a barrier; when none wait, a poll every few seconds still picks up changes. */
    private List<Consumer<Boolean>> nextBatch() {
        synchronized (lock) {
            if (waiting.isEmpty()) {
                try {
                    lock.wait(POLL_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            return nextBatchNow();
        }
    }

    private List<Consumer<Boolean>> nextBatchNow() {
        synchronized (lock) {
            List<Consumer<Boolean>> batch = waiting;
            waiting = new ArrayList<>();
            return batch;
        }
    }

    /** Bounded like the pool's connections, so that a barrier can never hang on a silent network. */
    private Properties connectionProperties() {
        Properties properties = new Properties();
        username.ifPresent(user -> properties.setProperty("user", user));
        password.ifPresent(secret -> properties.setProperty("password", secret));
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("socketTimeout", "10");
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("ApplicationName", "twinning cache listener");
        return properties;
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
