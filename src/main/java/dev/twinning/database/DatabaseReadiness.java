package dev.twinning.database;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN until the schema is migrated; the datasource's own check reports whether the database answers now. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private final DatabaseStartup startup;

    public DatabaseReadiness(DatabaseStartup startup) {
        this.startup = startup;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Database schema").status(startup.isDone()).build();
    }
}
