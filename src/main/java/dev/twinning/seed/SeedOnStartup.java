package dev.twinning.seed;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/** Loads the first customer's data shipped in the app when the database is empty (TWINNING_SEED_ENABLED). */
@Singleton
public class SeedOnStartup {

    static final String SEED_FILE = "seed/bucheon.json";
    private static final Logger LOG = Logger.getLogger(SeedOnStartup.class);

    private final SeedImporter importer;
    private final ObjectMapper mapper;
    private final boolean enabled;

    public SeedOnStartup(SeedImporter importer, ObjectMapper mapper,
            @ConfigProperty(name = "twinning.seed.enabled", defaultValue = "true") boolean enabled) {
        this.importer = importer;
        this.mapper = mapper;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) throws IOException {
        if (!enabled) {
            LOG.info("Seed data is switched off (twinning.seed.enabled=false)");
            return;
        }
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SEED_FILE)) {
            if (in == null) {
                throw new IllegalStateException("The seed file " + SEED_FILE + " is missing from the application");
            }
            boolean imported = importer.importIntoEmptyDatabase(mapper.readValue(in, SeedDocument.class));
            LOG.info(imported
                    ? "Loaded the seed data into the empty database"
                    : "The database already holds data; seed skipped");
        }
    }
}
