package dev.twinning.common.error;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body: the one error format of the API. Its OpenAPI schema is declared in
 * {@code META-INF/openapi.yaml}, next to the shared error responses that use it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
        String requestId) {

    public static final String VALIDATION_TYPE = "urn:twinning:problem:validation";

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, null);
    }

    /** The same problem, naming the request it answers so that a user's report can be found in the log. */
    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, instance, errors, id);
    }

    /** One invalid field of a body or one invalid query parameter. */
    public record FieldError(String field, String message) {
    }
}
