package dev.twinning.seed;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.twinning.city.CityRepository;
import dev.twinning.survey.SurveyRepository;
import dev.twinning.transfer.DatasetImporter;

@QuarkusTest
class SeedOnStartupTest {

    @Inject
    SeedOnStartup seed;

    @Inject
    DatasetImporter importer;

    @Inject
    CityRepository cities;

    @Inject
    SurveyRepository votes;

    @Test
    void theSeedIsNotLoadedAgainIntoADatabaseThatHasData() throws Exception {
        long citiesBefore = cities.count();
        long votesBefore = votes.count();

        assertThat(importer.importIntoEmptyDatabase(seed.read())).isEmpty();

        assertThat(cities.count()).isEqualTo(citiesBefore).isEqualTo(16);
        // votes of pages other tests moved to the trash stay with them, so only "unchanged" is certain
        assertThat(votes.count()).isEqualTo(votesBefore).isGreaterThanOrEqualTo(10);
    }
}
