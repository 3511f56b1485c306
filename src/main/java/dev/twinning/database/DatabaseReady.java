package dev.twinning.database;

/**
 * Fired once the schema is migrated, before the API accepts requests. Start-up work that needs the database
 * observes this event instead of {@code StartupEvent}, so that the app can start while the database is down.
 */
public record DatabaseReady() {
}
