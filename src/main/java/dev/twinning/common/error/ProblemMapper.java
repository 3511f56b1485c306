package dev.twinning.common.error;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Turns every exception that leaves a resource into an RFC 9457 problem. Details are written here, never
 * copied from exception messages of libraries, so no class name, SQL or stack trace reaches a client.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public RestResponse<Problem> notFound(ResourceNotFoundException e, UriInfo uri) {
        return problem(404, e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidParameter(InvalidParameterException e, UriInfo uri) {
        return invalid(uri, List.of(new Problem.FieldError(e.parameter(), e.getMessage())));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> constraintViolation(ConstraintViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMapper::isReturnValue)) {
            return unexpected(e, uri);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return invalid(uri, errors);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            return invalid(uri, List.of(new Problem.FieldError(field, "has a value of the wrong type or is not allowed")));
        }
        return problem(400, "The request body is not valid JSON", uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return problem(status, detailFor(status), uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected error on %s", uri.getPath());
        return problem(500, "The server could not complete the request", uri, null);
    }

    private static RestResponse<Problem> invalid(UriInfo uri, List<Problem.FieldError> errors) {
        String fields = String.join(", ", errors.stream().map(Problem.FieldError::field).distinct().toList());
        Problem body = new Problem(Problem.VALIDATION_TYPE, "Invalid request", 400,
                "Invalid value for: " + fields, uri.getPath(), errors);
        return RestResponse.ResponseBuilder.<Problem>create(400).entity(body).type(PROBLEM_JSON).build();
    }

    private static RestResponse<Problem> problem(int status, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType != null ? statusType.getReasonPhrase() : "HTTP " + status;
        Problem body = new Problem("about:blank", title, status, detail, uri.getPath(), errors);
        return RestResponse.ResponseBuilder.<Problem>create(status).entity(body).type(PROBLEM_JSON).build();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 404 -> "There is no resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "None of the media types in Accept can be produced; use " + MediaType.APPLICATION_JSON;
            case 413 -> "The request body is too large";
            case 415 -> "This media type is not supported for the request body; use " + MediaType.APPLICATION_JSON;
            default -> "The request could not be processed";
        };
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** The request's name for the violating value: the query parameter, or the body field path. */
    private static String fieldName(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (node.getName() == null) {
                        break;
                    }
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(node.getName());
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                }
                default -> {
                }
            }
        }
        return !field.isEmpty() ? field.toString() : parameter;
    }
}
