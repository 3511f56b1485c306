package dev.twinning.database;

import jakarta.inject.Singleton;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * Skips scheduled work until the application runs and the database is migrated, so that a job's first
 * tick on a fresh or unreachable database does not log errors about tables that do not exist yet.
 */
@Singleton
public class DatabaseNotReady implements Scheduled.SkipPredicate {

    private final DatabaseStartup startup;
    private final Scheduled.ApplicationNotRunning notRunning;

    public DatabaseNotReady(DatabaseStartup startup, Scheduled.ApplicationNotRunning notRunning) {
        this.startup = startup;
        this.notRunning = notRunning;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return notRunning.test(execution) || !startup.isDone();
    }
}
