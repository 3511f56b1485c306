package dev.twinning.common.http;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when it is sane, else a new one), echoes it in
 * the response, and logs one line per request with method, route template, status and duration. With JSON
 * logging the fields also come out as separate MDC keys.
 */
@Singleton
public class RequestLog {

    public static final String HEADER = "X-Request-Id";
    /** Runs before Quarkus's own request-size check (order -2), so that a 413 carries the id too. */
    public static final int ORDER = -10;
    /** A route name set by handlers that answer before Quarkus REST matches a template. */
    public static final String ROUTE = "twinning.route";
    private static final Logger LOG = Logger.getLogger("dev.twinning.http");
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** Where Quarkus REST records the matched route template for metrics and tracing. */
    private static final String ROUTE_TEMPLATE = "UrlPathTemplate";

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    /** Which requests get a line: TWINNING_REQUEST_LOG. */
    enum Mode {
        /** Every request. */
        ALL,
        /** 4xx and 5xx answers, and requests slower than TWINNING_SLOW_REQUEST. */
        ERRORS,
        /** None (request ids are still given and echoed). */
        OFF
    }

    private final Mode mode;
    private final double slowMillis;

    public RequestLog(@ConfigProperty(name = "twinning.request-log", defaultValue = "all") String mode,
            @ConfigProperty(name = "twinning.slow-request", defaultValue = "1s") Duration slow) {
        this.mode = switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "all" -> Mode.ALL;
            case "errors" -> Mode.ERRORS;
            case "off" -> Mode.OFF;
            default -> throw new IllegalArgumentException(
                    "TWINNING_REQUEST_LOG must be all, errors or off, not '" + mode + "'");
        };
        this.slowMillis = slow.toNanos() / 1_000_000.0;
    }

    private void handle(RoutingContext context) {
        long start = System.nanoTime();
        HttpServerRequest request = context.request();
        String given = request.getHeader(HEADER);
        String id = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.headers().set(HEADER, id);
        context.response().putHeader(HEADER, id);
        if (mode != Mode.OFF) {
            context.addEndHandler(ended -> log(context, id, start));
        }
        context.next();
    }

    private void log(RoutingContext context, String id, long start) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        double millis = Math.round((System.nanoTime() - start) / 100_000.0) / 10.0;
        int status = context.response().getStatusCode();
        if (mode == Mode.ERRORS && status < 400 && millis < slowMillis) {
            return;
        }
        String route = route(context);
        String method = context.request().method().name();
        MDC.put("requestId", id);
        MDC.put("method", method);
        MDC.put("route", route);
        MDC.put("status", status);
        MDC.put("durationMs", millis);
        try {
            // plain concatenation: a format string would cost more than the rest of a cached answer
            LOG.info(method + ' ' + route + ' ' + status + ' ' + millis + " ms");
        } finally {
            MDC.remove("requestId");
            MDC.remove("method");
            MDC.remove("route");
            MDC.remove("status");
            MDC.remove("durationMs");
        }
    }

    /** The template, not the raw path, so that ids and slugs do not make every line unique. */
    private static String route(RoutingContext context) {
        if (context.get(ROUTE) instanceof String named) {
            return named;
        }
        if (context.request() instanceof HttpServerRequestInternal internal
                && internal.context().getLocal(ROUTE_TEMPLATE) instanceof String template) {
            return template;
        }
        String path = context.normalizedPath();
        return path.startsWith("/q/") ? path : "(unmatched)";
    }
}
