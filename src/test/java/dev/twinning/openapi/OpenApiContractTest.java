package dev.twinning.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The committed {@code openapi/openapi.yaml} is the contract front ends generate clients from; the build
 * fails when the code no longer produces it. After an intended API change, regenerate it with
 * {@code ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true} and commit the result.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path COMMITTED = Path.of("openapi/openapi.yaml");

    @Test
    void committedContractMatchesTheCode() throws IOException {
        String generated = given().get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("openapi/openapi.yaml is out of date; regenerate it with -Dopenapi.update=true")
                .isEqualTo(generated);
    }

    @Test
    void everyOperationHasASummaryATagAndProblemBodiesOnErrors() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = operations(document);
        assertThat(paths).isNotEmpty();
        paths.forEach((path, operations) -> {
            assertThat(path).startsWith("/api/v1/");
            operations.forEach((method, operation) -> {
                String name = method.toUpperCase() + " " + path;
                assertThat(operation.get("summary")).as(name + " summary").isNotNull();
                assertThat(operation.get("tags")).as(name + " tags").isNotNull();
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
                assertThat(responses.keySet()).as(name + " responses").anyMatch(status -> status.startsWith("2"));
                responses.forEach((status, response) -> {
                    if (status.startsWith("4") && !response.containsKey("$ref")) {
                        assertThat(response.toString()).as(name + " " + status).contains("application/problem+json");
                    }
                });
            });
        });
    }

    @Test
    void everyWriteButVotingAndEveryAdminReadTakesBasicOrBearerAndPublicReadsNeedNeither() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().extract().jsonPath();
        assertThat(document.getString("components.securitySchemes.basicAuth.scheme")).isEqualTo("basic");
        assertThat(document.getString("components.securitySchemes.bearerAuth.scheme")).isEqualTo("bearer");
        Map<String, Map<String, Map<String, Object>>> paths = operations(document);
        int writes = 0;
        for (var path : paths.entrySet()) {
            boolean staffOnly = path.getKey().startsWith("/api/v1/users") || path.getKey().equals("/api/v1/export")
                    || path.getKey().equals("/api/v1/audit") || path.getKey().contains("/translations")
                    || path.getKey().contains("/revisions") || path.getKey().startsWith("/api/v1/trash")
                    || path.getKey().startsWith("/api/v1/webhooks") || path.getKey().startsWith("/api/v1/tokens");
            for (var operation : path.getValue().entrySet()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                boolean publicVote = path.getKey().equals("/api/v1/pages/{key}/votes");
                boolean write = !operation.getKey().equals("get") && !publicVote;
                writes += write ? 1 : 0;
                Object security = operation.getValue().get("security");
                if (write || staffOnly) {
                    // Alternatives: either scheme on its own is enough.
                    assertThat(security).as(name).isEqualTo(List.of(Map.of("basicAuth", List.of()),
                            Map.of("bearerAuth", List.of())));
                    assertThat(operation.getValue().get("responses").toString()).as(name).contains("401");
                } else if (String.valueOf(operation.getValue().get("parameters")).contains("Preview")) {
                    // Public, and a preview takes either scheme: the empty requirement is "no login".
                    assertThat(security).as(name).isEqualTo(List.of(Map.of(), Map.of("basicAuth", List.of()),
                            Map.of("bearerAuth", List.of())));
                } else {
                    assertThat(security).as(name).isNull();
                }
            }
        }
        assertThat(writes).as("write operations").isGreaterThanOrEqualTo(19);
        assertThat(document.getMap("components.securitySchemes")).containsOnlyKeys("basicAuth", "bearerAuth");
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** Each path's operations by method, without the parameters a path item declares for all of them. */
    private static Map<String, Map<String, Map<String, Object>>> operations(JsonPath document) {
        Map<String, Map<String, Map<String, Object>>> paths = new java.util.LinkedHashMap<>(document.getMap("paths"));
        paths.replaceAll((path, item) -> {
            Map<String, Map<String, Object>> methods = new java.util.LinkedHashMap<>(item);
            methods.keySet().retainAll(java.util.Set.of("get", "put", "post", "delete", "patch", "head", "options"));
            return methods;
        });
        return paths;
    }
}
