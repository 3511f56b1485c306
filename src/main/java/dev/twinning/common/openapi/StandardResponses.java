package dev.twinning.common.openapi;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the error responses every operation of a kind shares, so that resources declare only their own:
 * 401/403 on operations that need a login, 400/415 on operations with a body, 412 where If-Match applies,
 * 406 on reads. Responses are then listed in status order. Every read also documents locale negotiation.
 */
public class StandardResponses implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        LocaleParameters.addTo(openAPI);
        WorkflowParameters.addTo(openAPI);
        nameSharedOperationsPerCollection(openAPI);
        leaveFormTextFieldsEmpty(openAPI);
        keepExamplesOutOfOptionalParameters(openAPI);
    }

    /**
     * Swagger UI's Try it out fills every parameter with its example and sends it, so an admin listing cities
     * would get only those matching {@code country=CN&q=har}: an optional parameter's example goes into its
     * description instead.
     */
    private static void keepExamplesOutOfOptionalParameters(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .filter(operation -> operation.getParameters() != null)
                .flatMap(operation -> operation.getParameters().stream())
                .filter(parameter -> parameter.getRef() == null && !Boolean.TRUE.equals(parameter.getRequired())
                        && parameter.getExample() != null)
                .forEach(parameter -> {
                    String description = parameter.getDescription() == null ? "" : parameter.getDescription() + ". ";
                    parameter.setDescription(description + "For example " + parameter.getExample());
                    parameter.setExample(null);
                });
    }

    /**
     * Swagger UI fills a form's text field that has no example with the word "string" and sends it; an empty
     * example keeps optional texts of an upload empty unless the user types one.
     */
    private static void leaveFormTextFieldsEmpty(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null || openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().stream()
                .flatMap(item -> item.getOperations().values().stream())
                .filter(operation -> operation.getRequestBody() != null && operation.getRequestBody().getContent() != null)
                .map(operation -> operation.getRequestBody().getContent().getMediaType("multipart/form-data"))
                .filter(form -> form != null && form.getSchema() != null && form.getSchema().getRef() != null)
                .map(form -> openAPI.getComponents().getSchemas()
                        .get(form.getSchema().getRef().substring(form.getSchema().getRef().lastIndexOf('/') + 1)))
                .filter(schema -> schema != null && schema.getProperties() != null)
                .forEach(schema -> schema.getProperties().forEach((name, property) -> {
                    boolean required = schema.getRequired() != null && schema.getRequired().contains(name);
                    if (!required && property.getFormat() == null && property.getExamples() == null
                            && property.getExample() == null) {
                        property.setExample("");
                    }
                }));
    }

    /**
     * Operations that collections share through one sub-resource (translations, publishing, revisions) get an
     * operationId per collection: putTranslation under /api/v1/cities becomes putCityTranslation, publishRecord
     * publishCity.
     */
    private static void nameSharedOperationsPerCollection(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            String[] segments = path.split("/");
            if (segments.length < 6 || !path.startsWith("/api/v1/")) {
                return;
            }
            String collection = segments[3];
            String singular = collection.endsWith("ies")
                    ? collection.substring(0, collection.length() - 3) + "y"
                    : collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
            String prefix = Character.toUpperCase(singular.charAt(0)) + singular.substring(1);
            item.getOperations().values().forEach(operation -> operation.setOperationId(operation.getOperationId()
                    .replace("Translation", prefix + "Translation")
                    .replace("Record", prefix)));
        });
    }

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null || responses.getAPIResponses() == null) {
            return operation;
        }
        Map<String, APIResponse> all = new TreeMap<>(responses.getAPIResponses());
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean hasBody = operation.getRequestBody() != null;
        boolean conditional = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "If-Match".equals(p.getName()));
        if (secured) {
            // Every secured operation takes either scheme: a login (Basic) or a Bearer token (API token or SSO).
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("basicAuth"),
                    OASFactory.createSecurityRequirement().addScheme("bearerAuth")));
            all.putIfAbsent("401", ref("Unauthorized"));
            all.putIfAbsent("403", ref("Forbidden"));
        }
        if (hasBody) {
            all.putIfAbsent("400", ref("BadRequest"));
            all.putIfAbsent("415", ref("UnsupportedMediaType"));
        }
        if (conditional) {
            all.putIfAbsent("412", ref("PreconditionFailed"));
        }
        if (!hasBody && !conditional && all.containsKey("200")) {
            all.putIfAbsent("406", ref("NotAcceptable"));
        }
        responses.setAPIResponses(all);
        return operation;
    }

    private static APIResponse ref(String name) {
        return OASFactory.createAPIResponse().ref(name);
    }
}
