package dev.twinning.common.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.twinning.common.error.Problem;
import dev.twinning.common.error.ProblemMapper;

/**
 * Problems for requests that fail before they reach a resource, which Quarkus would otherwise answer with an
 * empty body: a declared body over the size limit (413) and a path that cannot be decoded (400).
 */
@Singleton
public class EdgeProblems {

    private final ObjectMapper mapper;
    private final long maxBodySize;

    public EdgeProblems(ObjectMapper mapper,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.mapper = mapper;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(RequestLog.ORDER + 1).handler(this::rejectOversizedBody);
        router.errorHandler(400,
                context -> send(context, 400, "The request is malformed (for example, a path that cannot be decoded)"));
    }

    private void rejectOversizedBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                && Long.parseLong(length) > maxBodySize) {
            context.response().putHeader("Connection", "close");
            send(context, 413, "The request body is larger than the limit of " + maxBodySize / 1024 + " KiB");
            return;
        }
        context.next();
    }

    void send(RoutingContext context, int status, String detail) {
        if (context.response().ended()) {
            return;
        }
        String title = Response.Status.fromStatusCode(status).getReasonPhrase();
        Problem problem = new Problem("about:blank", title, status, detail, null, null,
                context.request().getHeader(RequestLog.HEADER));
        try {
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(status).end();
        }
    }
}
