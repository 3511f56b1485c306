package dev.twinning.common.error;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.hibernate.exception.DataException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultiPartParserDefinition;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import dev.twinning.common.etag.PreconditionFailedException;
import dev.twinning.common.http.AllowedMethods;
import dev.twinning.database.DatabaseFailures;

/**
 * Turns every exception that leaves a resource into an RFC 9457 problem. Details are written here, never
 * copied from exception messages of libraries, so no class name, SQL or stack trace reaches a client.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final ObjectMapper ENUM_NAMES = new ObjectMapper();
    private static final String BEARER_CHALLENGE = "Bearer realm=\"Twinning\"";

    private final AllowedMethods allowedMethods;

    public ProblemMapper(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> notFound(ResourceNotFoundException e, UriInfo uri) {
        return problem(404, e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> conflict(ConflictException e, UriInfo uri) {
        return problem(409, e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> tooManyRequests(TooManyRequestsException e, UriInfo uri) {
        RestResponse<Problem> response = problem(429, e.getMessage(), uri, null);
        response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        return response;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unavailable(ServiceUnavailableException e, UriInfo uri) {
        RestResponse<Problem> response = problem(503, e.getMessage(), uri, null);
        response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER,
                String.valueOf(ServiceUnavailableException.RETRY_AFTER_SECONDS));
        return response;
    }

    /** A form body that cannot be parsed (a broken boundary, a body cut short): the client's mistake. */
    @ServerExceptionMapper({MultipartParser.MalformedMessageException.class, IOException.class})
    public RestResponse<Problem> unreadableBody(Exception e, UriInfo uri) {
        if (e instanceof MultiPartParserDefinition.FileTooLargeException) {
            return problem(413, "A part of the form is larger than the server accepts", uri, null);
        }
        return problem(400, "The request body could not be read: it is malformed or was cut short", uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> rejected(RequestRejectedException e, UriInfo uri) {
        return problem(e.status(), e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> preconditionFailed(PreconditionFailedException e, UriInfo uri) {
        return problem(412, e.getMessage(), uri, null);
    }

    /**
     * 401. A request that sent a Bearer token (an API token or a single sign-on JWT) is told that token failed, with
     * a Bearer challenge; any other gets both challenges. The credentials themselves are never repeated.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public RestResponse<Problem> unauthorized(UriInfo uri, HttpHeaders headers) {
        boolean bearer = Credentials.scheme(headers).equals("bearer");
        RestResponse<Problem> response = problem(401, bearer
                ? "The bearer token is wrong, expired or revoked, or its user may not sign in"
                : "Log in with HTTP Basic or send a Bearer token (an API token, or a single sign-on JWT when enabled)",
                uri, null);
        if (bearer) {
            response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE + ", error=\"invalid_token\"");
        } else {
            response.getHeaders().add(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Twinning\", charset=\"UTF-8\"");
            response.getHeaders().add(HttpHeaders.WWW_AUTHENTICATE, BEARER_CHALLENGE);
        }
        return response;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return problem(403, Credentials.isApiToken(headers)
                ? "This API token's scopes (or its owner's role) do not allow this; managing tokens needs a login"
                : "Your role does not allow this", uri, null);
    }

    /** Database constraints back up the checks the services make, for requests that race each other. */
    @ServerExceptionMapper
    public RestResponse<Problem> persistence(PersistenceException e, UriInfo uri) {
        if (DatabaseFailures.isUnavailable(e)) {
            return unexpected(e, uri);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return problem(409, "Another request changed this resource at the same time; fetch it again and retry", uri,
                        null);
            }
            if (cause instanceof DataException) {
                return problem(400,
                        "A value in the request is outside what can be stored (for example, a NUL character or a date out of range)",
                        uri,
                        null);
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return switch (violation.getKind()) {
                    case UNIQUE -> problem(409, "A resource with the same key already exists", uri, null);
                    case FOREIGN_KEY -> problem(409, "The change would break a reference between resources", uri, null);
                    default -> problem(400, "A value is outside what the data allows", uri, null);
                };
            }
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidParameter(InvalidInputException e, UriInfo uri) {
        return invalid(uri, e.errors());
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

    /** Also declared for the subtypes that Quarkus REST maps itself, so that they come out as problems too. */
    @ServerExceptionMapper({JsonProcessingException.class, UnrecognizedPropertyException.class, InvalidFormatException.class,
            MismatchedInputException.class})
    public RestResponse<Problem> unreadableJson(Exception e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            String message = fieldMessage(e);
            return invalid(uri, List.of(new Problem.FieldError(field, message)));
        }
        if (e instanceof MismatchedInputException mismatch && !mismatch.getOriginalMessage().startsWith("Trailing token")) {
            return problem(400, "The request body must be a JSON object", uri, null);
        }
        return problem(400, "The request body is not valid JSON", uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException e, UriInfo uri, Request request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (status == 404 || status == 405) {
            // a path a resource serves, with another method: 405 naming the methods (RFC 9110). Quarkus REST
            // answers 404 when resource classes share a path prefix, and its 405 has no Allow header.
            Optional<String> allow = allowedMethods.notAllowed(uri.getPath(), request.getMethod());
            if (allow.isPresent()) {
                RestResponse<Problem> problem = problem(405, detailFor(405), uri, null);
                problem.getHeaders().putSingle(HttpHeaders.ALLOW, allow.get());
                return problem;
            }
        }
        return problem(status, detailFor(status), uri, null);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), DatabaseFailures.describe(e));
            return unavailable(new ServiceUnavailableException(), uri);
        }
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

    private static String fieldMessage(Exception e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof InvalidFormatException format && format.getValue() instanceof String text && text.indexOf('\0') >= 0) {
            return "must not contain the NUL character";
        }
        if (e instanceof MismatchedInputException mismatch) {
            return expected(mismatch.getTargetType());
        }
        return "has a value of the wrong type or out of range";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "has a value of the wrong type";
        }
        if (type.isEnum()) {
            // As clients write them: an enum with its own JSON names (scopes such as content:read) shows those.
            return "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ENUM_NAMES.convertValue(constant, String.class)).toList();
        }
        if (type == LocalDate.class) {
            return "must be a real date in the form YYYY-MM-DD";
        }
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
            return "must be a whole number in range";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class) {
            return "must be a number in range";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        return List.class.isAssignableFrom(type) ? "must be an array" : "has a value of the wrong type or out of range";
    }

    /** The detail of a problem with this status when nothing more specific is known. */
    public static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 404 -> "There is no resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 401 -> "Log in with HTTP Basic as an editor or admin";
            case 403 -> "Your role does not allow this";
            case 406 ->
                "None of the media types in Accept can be produced; use application/json (survey results and the audit log also offer text/csv)";
            case 413 -> "The request body is too large";
            case 415 ->
                "This media type is not supported for the request body; use application/json (application/merge-patch+json for PATCH, multipart/form-data for an image upload)";
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
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.isInIterable()) {
                    field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    field.append(field.isEmpty() ? "" : ".").append(node.getName());
                }
            }
        }
        return !field.isEmpty() ? field.toString() : parameter;
    }
}
