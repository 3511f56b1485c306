package dev.twinning.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;

/** A list costs the same few SQL statements whether it shows one row or all of them. */
@QuarkusTest
class StatementCountTest {

    @Inject
    SessionFactory sessionFactory;

    @ParameterizedTest
    @CsvSource({
            "/api/v1/cities, 2",
            "/api/v1/agreements, 3",
            "/api/v1/signatories, 2",
            "/api/v1/pages, 2"})
    void listsCostAConstantNumberOfStatements(String path, long expected) {
        assertThat(statementsFor(path + "?size=1")).isEqualTo(expected);
        assertThat(statementsFor(path + "?size=100")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/pages/friendship-cities, 4",
            "/api/v1/pages/sister-cities, 4",
            "/api/v1/cities/bucheon, 3",
            "/api/v1/countries, 1"})
    void renderingOneResourceCostsAFixedNumberOfStatements(String path, long expected) {
        assertThat(statementsFor(path)).isEqualTo(expected);
    }

    private long statementsFor(String path) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        given().get(path).then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }
}
