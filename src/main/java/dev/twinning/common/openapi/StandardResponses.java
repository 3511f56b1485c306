package dev.twinning.common.openapi;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds the error responses every operation of a kind shares, so that resources declare only their own:
 * 401/403 on operations that need a login, 400/415 on operations with a body, 412 where If-Match applies,
 * 406 on reads. Responses are then listed in status order.
 */
public class StandardResponses implements OASFilter {

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
