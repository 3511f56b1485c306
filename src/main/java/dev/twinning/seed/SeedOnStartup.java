package dev.twinning.seed;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.twinning.database.DatabaseReady;
import dev.twinning.transfer.Dataset;
import dev.twinning.transfer.DatasetImporter;

/**
 * Loads the first customer's dataset shipped in the app, through the same importer as
 * {@code POST /api/v1/import}, when the database has no cities yet (TWINNING_SEED_ENABLED).
 */
@Singleton
public class SeedOnStartup {

    static final String SEED_FILE = "seed/bucheon.json";
    private static final Logger LOG = Logger.getLogger(SeedOnStartup.class);

    private final DatasetImporter importer;
    private final ObjectMapper mapper;
    private final boolean enabled;

    public SeedOnStartup(DatasetImporter importer, ObjectMapper mapper,
            @ConfigProperty(name = "twinning.seed.enabled", defaultValue = "true") boolean enabled) {
        this.importer = importer;
        this.mapper = mapper;
        this.enabled = enabled;
    }

    void onStart(@Observes DatabaseReady event) throws IOException {
        if (!enabled) {
            LOG.info("Seed data is switched off (twinning.seed.enabled=false)");
            return;
        }
        importer.importIntoEmptyDatabase(read()).ifPresentOrElse(
                report -> LOG.infof("Loaded the seed data into the empty database: %s", report),
                () -> LOG.info("The database already holds data; seed skipped"));
    }

    Dataset read() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SEED_FILE)) {
            if (in == null) {
                throw new IllegalStateException("The seed file " + SEED_FILE + " is missing from the application");
            }
            return mapper.readValue(in, Dataset.class);
        }
    }
}
