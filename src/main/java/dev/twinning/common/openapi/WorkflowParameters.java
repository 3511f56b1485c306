package dev.twinning.common.openapi;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import dev.twinning.content.ContentRequest;

/**
 * Documents the editorial workflow's query parameters where they apply: {@code preview} on every read of the
 * content collections (cities, agreements, signatories, pages) and {@code publish} on every write of them,
 * their translations included.
 */
final class WorkflowParameters {

    private static final String PREVIEW = "Preview";
    private static final String PUBLISH = "Publish";
    private static final Pattern CONTENT = Pattern.compile("/api/v1/" + ContentRequest.COLLECTIONS + "(/\\{[^/]+})?");
    private static final Pattern TRANSLATIONS = Pattern
            .compile(
                    "/api/v1/" + ContentRequest.COLLECTIONS
                            + "/\\{[^/]+}/(translations/\\{[^/]+}|revisions/\\{[^/]+}/restore)");
    private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH);

    private WorkflowParameters() {
    }

    static void addTo(OpenAPI openAPI) {
        openAPI.getComponents()
                .addParameter(PREVIEW, OASFactory.createParameter().name("preview").in(Parameter.In.QUERY)
                        .description("true: staff read the working copies (drafts included) with their publication, "
                                + "never cached; 401 without a login. Without it, reads show published versions only")
                        .schema(bool()))
                .addParameter(PUBLISH, OASFactory.createParameter().name("publish").in(Parameter.In.QUERY)
                        .description("true: publish the result in the same transaction; without it the change stays in "
                                + "the working copy until published")
                        .schema(bool()));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            boolean content = CONTENT.matcher(path).matches();
            boolean nested = TRANSLATIONS.matcher(path).matches();
            item.getOperations().forEach((method, operation) -> {
                if (content && method == PathItem.HttpMethod.GET) {
                    operation.addParameter(OASFactory.createParameter().ref(PREVIEW));
                    // Anyone may read; a preview needs either scheme, so Swagger UI sends what was authorized.
                    operation.setSecurity(List.of(OASFactory.createSecurityRequirement(),
                            OASFactory.createSecurityRequirement().addScheme("basicAuth"),
                            OASFactory.createSecurityRequirement().addScheme("bearerAuth")));
                    operation.getResponses().addAPIResponse("401", OASFactory.createAPIResponse().ref("Unauthorized"));
                    operation.getResponses().addAPIResponse("403", OASFactory.createAPIResponse().ref("Forbidden"));
                }
                if ((content && WRITES.contains(method)) || (nested && method != PathItem.HttpMethod.GET)) {
                    operation.addParameter(OASFactory.createParameter().ref(PUBLISH));
                }
            });
        });
    }

    private static Schema bool() {
        return OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN);
    }
}
