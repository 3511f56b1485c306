package dev.twinning.common.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.twinning.common.error.ProblemMapper;

/**
 * The methods each API path answers, read once from the resource classes' annotations, for the {@code Allow}
 * header that RFC 9110 requires on a 405 (Quarkus REST's own 405 carries none) and the answer to {@code OPTIONS}
 * (Quarkus REST's lists every method of the resource class, also those another path of the class takes).
 */
@Singleton
public class AllowedMethods {

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    /** A path template, as a pattern, with the methods its resource methods take. */
    private record Route(String template, Pattern pattern, int literals, Set<String> methods) {
    }

    private final BeanManager beans;
    private final EdgeProblems problems;
    private volatile List<Route> routes;

    public AllowedMethods(BeanManager beans, EdgeProblems problems) {
        this.beans = beans;
        this.problems = problems;
    }

    /**
     * When a resource serves the path but not with this method, the methods it does take, as an {@code Allow}
     * value ({@code GET, HEAD, OPTIONS}). Where templates overlap, the one with the most literal characters
     * wins, as in JAX-RS matching (then the template's text, so that the choice is always the same).
     */
    public Optional<String> notAllowed(String path, String method) {
        return route(path).filter(route -> !route.methods().contains(method)).map(AllowedMethods::allow);
    }

    /**
     * OPTIONS on a path a resource serves: 204 with its methods; on another API path a 404 (Quarkus REST answers
     * 200 for any path under a resource class's prefix). CORS preflights are answered before this.
     */
    void install(@Observes Router router) {
        router.route().order(RequestLog.ORDER + 3).method(io.vertx.core.http.HttpMethod.OPTIONS).handler(this::options);
    }

    private void options(RoutingContext context) {
        String path = context.normalizedPath();
        Optional<String> allow = route(path).map(AllowedMethods::allow);
        if (allow.isPresent()) {
            context.response().putHeader("Allow", allow.get()).setStatusCode(204).end();
        } else if (path.startsWith("/api/")) {
            problems.send(context, 404, ProblemMapper.detailFor(404));
        } else {
            context.next();
        }
    }

    /** The route serving the path; a trailing slash is ignored, as Quarkus REST's matching does. */
    private Optional<Route> route(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return routes().stream()
                .filter(route -> route.pattern().matcher(trimmed).matches())
                .max(Comparator.comparingInt(Route::literals).thenComparing(Route::template));
    }

    private static String allow(Route route) {
        return String.join(", ", route.methods());
    }

    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = scan();
            routes = known;
        }
        return known;
    }

    private List<Route> scan() {
        Map<String, Set<String>> byTemplate = new HashMap<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Path root = bean.getBeanClass().getAnnotation(Path.class);
            if (root != null) {
                collect(bean.getBeanClass(), join("", root.value()), byTemplate, 0);
            }
        }
        List<Route> found = new ArrayList<>();
        byTemplate.forEach((template, methods) -> found.add(new Route(template, pattern(template),
                VARIABLE.matcher(template).replaceAll("").length(), methods)));
        return List.copyOf(found);
    }

    /** The resource methods of a class under a path, and those of the sub-resources its locators return. */
    private static void collect(Class<?> type, String prefix, Map<String, Set<String>> byTemplate, int depth) {
        for (Method method : type.getMethods()) {
            Path sub = method.getAnnotation(Path.class);
            String template = sub == null ? prefix : join(prefix, sub.value());
            String verb = verb(method);
            if (verb == null) {
                if (sub != null && depth < 3) {
                    collect(method.getReturnType(), template, byTemplate, depth + 1);
                }
                continue;
            }
            Set<String> methods = byTemplate.computeIfAbsent(template,
                    key -> new TreeSet<>(
                            Comparator.comparingInt(AllowedMethods::rank).thenComparing(Comparator.naturalOrder())));
            methods.add(verb);
            if (HttpMethod.GET.equals(verb)) {
                methods.add(HttpMethod.HEAD);
            }
            methods.add(HttpMethod.OPTIONS);
        }
    }

    /** The HTTP method a resource method answers, from its annotation meta-annotated with {@link HttpMethod}. */
    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String prefix, String sub) {
        String tail = strip(sub);
        String path = strip(prefix) + (tail.isEmpty() ? "" : "/" + tail);
        return "/" + strip(path);
    }

    private static String strip(String segment) {
        return segment.replaceAll("^/+|/+$", "");
    }

    /** The template as a pattern: each variable matches one path segment, the rest literally. */
    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher variable = VARIABLE.matcher(template);
        int last = 0;
        while (variable.find()) {
            regex.append(Pattern.quote(template.substring(last, variable.start()))).append("[^/]+");
            last = variable.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }

    /** The order methods are listed in: reads first, as RFC 9110's examples do. */
    private static int rank(String method) {
        int known = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
                HttpMethod.DELETE, HttpMethod.OPTIONS).indexOf(method);
        return known >= 0 ? known : known + Integer.MAX_VALUE;
    }
}
