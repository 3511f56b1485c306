package dev.twinning.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.twinning.common.cache.Uncached;

/** A list costs the same few SQL statements whether it shows one row or a hundred. */
@QuarkusTest
@TestProfile(Uncached.class)
class StatementCountTest {

    @Inject
    SessionFactory sessionFactory;

    /** A full page needs a count of its own; the last page (not full) tells the total by itself. */
    /**
     * Images are loaded for a whole page of records in one statement (with their media), whatever their number.
     * Translations live in the rows themselves, so a non-default locale (sorted by its own collation) costs
     * the same statements as the default one.
     */
    @ParameterizedTest
    @CsvSource({
            "/api/v1/cities?, 3, 2",
            "/api/v1/agreements?, 4, 3",
            "/api/v1/signatories?, 2, 1",
            "/api/v1/pages?, 3, 2",
            "/api/v1/cities?locale=ko&sort=name&, 3, 2",
            "/api/v1/agreements?locale=ko&sort=partnerCity&, 4, 3",
            "/api/v1/signatories?locale=ru&sort=city&, 2, 1",
            "/api/v1/pages?locale=ja&sort=title&, 3, 2"})
    void listsCostAConstantNumberOfStatements(String path, long fullPage, long lastPage) {
        assertThat(statementsFor(path + "size=1")).isEqualTo(fullPage);
        assertThat(statementsFor(path + "size=100")).isEqualTo(lastPage);
        assertThat(statementsFor(path + "size=10&page=9")).as("past the end").isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/pages/friendship-cities, 6",
            "/api/v1/pages/sister-cities, 6",
            "/api/v1/cities/bucheon, 4",
            "/api/v1/countries, 1",
            "/api/v1/pages/sister-cities?locale=ko, 6",
            "/api/v1/cities/bucheon?locale=zh, 4",
            "/api/v1/countries?locale=vi, 1"})
    void renderingOneResourceCostsAFixedNumberOfStatements(String path, long expected) {
        assertThat(statementsFor(path)).isEqualTo(expected);
    }

    /** Statements for one request (the read cache is off in this profile, so every request runs the resource). */
    private long statementsFor(String path) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        given().get(path).then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }
}
