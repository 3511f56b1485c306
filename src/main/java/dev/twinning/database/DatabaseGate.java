package dev.twinning.database;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.twinning.common.error.ServiceUnavailableException;

/** Until the database is ready every API request gets a fast 503 instead of waiting for a connection. */
public class DatabaseGate {

    private final DatabaseStartup startup;

    public DatabaseGate(DatabaseStartup startup) {
        this.startup = startup;
    }

    @ServerRequestFilter(preMatching = true)
    public void requireDatabase() {
        if (!startup.isDone()) {
            throw new ServiceUnavailableException();
        }
    }
}
