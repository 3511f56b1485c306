package dev.twinning.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import dev.twinning.city.CityRepository;
import dev.twinning.survey.SurveyRepository;

@QuarkusTest
class SeedImporterTest {

    @Inject
    SeedImporter importer;

    @Inject
    ObjectMapper mapper;

    @Inject
    CityRepository cities;

    @Inject
    SurveyRepository votes;

    @Test
    void importingTheSeedAgainChangesNothing() throws Exception {
        long citiesBefore = cities.count();
        long votesBefore = votes.count();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SeedOnStartup.SEED_FILE)) {
            assertThat(importer.importIntoEmptyDatabase(mapper.readValue(in, SeedDocument.class))).isFalse();
        }
        assertThat(cities.count()).isEqualTo(citiesBefore).isEqualTo(16);
        assertThat(votes.count()).isEqualTo(votesBefore).isEqualTo(10);
    }
}
