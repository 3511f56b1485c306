package dev.twinning.common.http;

import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.twinning.common.error.Problem;
import dev.twinning.common.error.ProblemMapper;

/**
 * Problems for requests that fail before they reach a resource, which Quarkus would otherwise answer with an
 * empty body: a declared body over its size limit (413: 1 MB of JSON, or TWINNING_MEDIA_MAX_BYTES for an image
 * upload) and a path that cannot be decoded (400).
 */
@Singleton
public class EdgeProblems {

    private final ObjectMapper mapper;
    /** JSON bodies (everything but image uploads). */
    static final long JSON_MAX_BYTES = 1024 * 1024;
    /** Room for the multipart framing and text fields around an uploaded file. */
    private static final long MULTIPART_ALLOWANCE = 64 * 1024;
    private static final String UPLOADS = "/api/v1/media";

    private final long mediaMaxBytes;

    public EdgeProblems(ObjectMapper mapper,
            @ConfigProperty(name = "twinning.media.max-bytes") MemorySize mediaMaxBytes) {
        this.mapper = mapper;
        this.mediaMaxBytes = mediaMaxBytes.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(RequestLog.ORDER + 1).handler(this::rejectOversizedBody);
        router.errorHandler(413, context -> send(context, 413, "The request body is larger than the server accepts"));
        router.errorHandler(400,
                context -> send(context, 400, "The request is malformed (for example, a path that cannot be decoded)"));
    }

    private void rejectOversizedBody(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean upload = context.request().method() == HttpMethod.POST && UPLOADS.equals(context.request().path());
        long limit = upload ? mediaMaxBytes + MULTIPART_ALLOWANCE : JSON_MAX_BYTES;
        String encoding = context.request().getHeader("Transfer-Encoding");
        if (!upload && length == null && encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            // The server-wide ceiling is the upload limit: a JSON body must declare its size to be held to 1 MB.
            context.response().putHeader("Connection", "close");
            send(context, 411, "Send JSON bodies with a Content-Length (at most " + JSON_MAX_BYTES / 1024 + " KiB)");
            return;
        }
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                && Long.parseLong(length) > limit) {
            context.response().putHeader("Connection", "close");
            send(context, 413, upload
                    ? "The upload is larger than the limit of " + mediaMaxBytes / 1024 + " KiB (TWINNING_MEDIA_MAX_BYTES)"
                    : "The request body is larger than the limit of " + limit / 1024 + " KiB");
            return;
        }
        context.next();
    }

    void send(RoutingContext context, int status, String detail) {
        if (context.response().ended()) {
            return;
        }
        String title = Response.Status.fromStatusCode(status).getReasonPhrase();
        Problem problem = new Problem("about:blank", title, status, detail, context.request().path(), null,
                context.request().getHeader(RequestLog.HEADER));
        try {
            context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.response().setStatusCode(status).end();
        }
    }
}
