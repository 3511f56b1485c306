package dev.twinning.common.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents locale negotiation on every operation under {@code /api/v1} (reads and the answers of writes): the
 * {@code locale} parameter, the {@code Accept-Language} header and the {@code Content-Language} of the answer.
 */
final class LocaleParameters {

    private static final String LOCALE = "Locale";
    private static final String ACCEPT_LANGUAGE = "AcceptLanguage";
    private static final String CONTENT_LANGUAGE = "ContentLanguage";

    private LocaleParameters() {
    }

    static void addTo(OpenAPI openAPI) {
        openAPI.getComponents()
                .addParameter(LOCALE, OASFactory.createParameter().name("locale").in(Parameter.In.QUERY)
                        .description("Locale of the answer's text (BCP 47, matched by RFC 4647 lookup: ko-KR gives ko); "
                                + "a malformed or unsupported one is a 400. Overrides Accept-Language. For example ko")
                        .schema(string()))
                .addParameter(ACCEPT_LANGUAGE, OASFactory.createParameter().name("Accept-Language").in(Parameter.In.HEADER)
                        .description("Used when there is no locale parameter; nothing supported means the default locale. "
                                + "For example ko-KR,ko;q=0.9,en;q=0.8")
                        .schema(string()))
                .addHeader(CONTENT_LANGUAGE, OASFactory.createHeader()
                        .description("The locale of the answer's text (en for problem details)").schema(string()));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/v1/")) {
                item.getOperations().values().forEach(LocaleParameters::document);
            }
        });
    }

    private static void document(Operation operation) {
        operation.addParameter(OASFactory.createParameter().ref(LOCALE));
        operation.addParameter(OASFactory.createParameter().ref(ACCEPT_LANGUAGE));
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        for (Map.Entry<String, APIResponse> response : operation.getResponses().getAPIResponses().entrySet()) {
            if (response.getKey().startsWith("2") && response.getValue().getRef() == null) {
                response.getValue().addHeader("Content-Language", OASFactory.createHeader().ref(CONTENT_LANGUAGE));
            }
        }
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
