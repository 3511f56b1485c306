package dev.twinning.common.http;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Cross-origin access: any origin may read, but writes (votes included) are accepted from another origin only
 * when it is listed in TWINNING_CORS_ORIGINS. Quarkus's CORS filter applies one origin list to every method,
 * so this policy is written here. A refused write is rejected on the server too, not only in the browser.
 */
@Singleton
public class CorsPolicy {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final String READ_METHODS = "GET, HEAD";
    private static final String ALL_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    private static final String READ_HEADERS = "If-None-Match, X-Request-Id";
    private static final String ALL_HEADERS = "Authorization, Content-Type, If-Match, If-None-Match, X-Request-Id, X-Visitor-Id";
    private static final String EXPOSED = "ETag, Location, Retry-After, X-Request-Id";

    private final Set<String> writers;
    private final EdgeProblems problems;

    public CorsPolicy(@ConfigProperty(name = "twinning.cors.origins") Optional<List<String>> writers, EdgeProblems problems) {
        this.writers = writers.map(list -> Set.copyOf(list.stream().map(String::trim).map(CorsPolicy::stripSlash).toList()))
                .orElse(Set.of());
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(RequestLog.ORDER + 2).handler(this::apply);
    }

    private void apply(RoutingContext context) {
        HttpServerRequest request = context.request();
        String origin = request.getHeader("Origin");
        if (origin == null || isSameOrigin(origin, request)) {
            context.next();
            return;
        }
        HttpServerResponse response = context.response();
        boolean writer = writers.contains(origin);
        String preflightMethod = request.getHeader("Access-Control-Request-Method");
        if (request.method() == HttpMethod.OPTIONS && preflightMethod != null) {
            if (!writer && !READS.contains(HttpMethod.valueOf(preflightMethod.trim().toUpperCase()))) {
                problems.send(context, 403, refusal(origin));
                return;
            }
            response.putHeader("Vary", "Origin")
                    .putHeader("Access-Control-Allow-Origin", writer ? origin : "*")
                    .putHeader("Access-Control-Allow-Methods", writer ? ALL_METHODS : READ_METHODS)
                    .putHeader("Access-Control-Allow-Headers", writer ? ALL_HEADERS : READ_HEADERS)
                    .putHeader("Access-Control-Max-Age", "600")
                    .setStatusCode(204)
                    .end();
            return;
        }
        boolean read = READS.contains(request.method());
        if (!writer && !read) {
            problems.send(context, 403, refusal(origin));
            return;
        }
        // Reads answer the same to every origin, so that one cached copy serves them all.
        response.putHeader("Access-Control-Allow-Origin", read ? "*" : origin)
                .putHeader("Access-Control-Expose-Headers", EXPOSED);
        context.next();
    }

    private static String refusal(String origin) {
        return "Writes from the origin " + origin + " are not allowed; only reads are open to every origin";
    }

    /** Swagger UI on the API's own host sends Origin on POST; that is not cross-origin. */
    private static boolean isSameOrigin(String origin, HttpServerRequest request) {
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            return uri.getRawAuthority() != null && uri.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
