package dev.twinning.database;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.StartupEvent;

/**
 * Migrates the schema and runs the start-up work that needs the database. When the database cannot be
 * reached the app starts anyway: readiness stays DOWN, the API answers 503, and this retries with back-off
 * until the database answers, so that nobody has to restart the app.
 */
@Singleton
public class DatabaseStartup {

    private static final Logger LOG = Logger.getLogger(DatabaseStartup.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(15);

    private final Flyway flyway;
    private final Event<DatabaseReady> ready;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "database-startup");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean done;

    public DatabaseStartup(Flyway flyway, Event<DatabaseReady> ready) {
        this.flyway = flyway;
        this.ready = ready;
    }

    public boolean isDone() {
        return done;
    }

    void onStart(@Observes StartupEvent event) {
        attempt(FIRST_RETRY);
    }

    private void attempt(Duration nextDelay) {
        try {
            flyway.migrate();
            ready.fire(new DatabaseReady());
            done = true;
            LOG.info("Database ready: schema migrated and start-up data in place");
        } catch (RuntimeException e) {
            if (!DatabaseFailures.isUnavailable(e)) {
                throw e;
            }
            LOG.warnf("Database unavailable at start-up (%s); retrying in %d s", DatabaseFailures.describe(e),
                    nextDelay.toSeconds());
            Duration following = nextDelay.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : nextDelay.multipliedBy(2);
            retries.schedule(() -> retry(following), nextDelay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Off the start-up thread, the observers still need the request context that start-up gives them. */
    private void retry(Duration nextDelay) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            attempt(nextDelay);
        } catch (RuntimeException e) {
            LOG.error("Start-up work failed after the database became available; the app stays not ready", e);
        } finally {
            requestContext.terminate();
        }
    }

    @PreDestroy
    void stop() {
        retries.shutdownNow();
    }
}
