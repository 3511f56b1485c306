package dev.twinning.common.query;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.twinning.common.error.InvalidInputException;
import dev.twinning.common.error.Problem;
import dev.twinning.content.ContentRequest;

/**
 * An unknown query parameter under {@code /api/v1} is a 400 naming it, so that a typo such as {@code contry=CN}
 * does not silently list everything (and never fills the read cache). A method knows the {@code @QueryParam}
 * names on its parameters and on the fields of its {@code @BeanParam} classes, read once per method; besides
 * those, {@code locale} is known everywhere, {@code preview} on reads of the content collections and
 * {@code publish} on their writes (the editorial workflow reads those two itself).
 */
public class KnownParameters {

    private static final String API = "/api/v1/";
    private static final Pattern CONTENT = Pattern.compile("/api/v1/" + ContentRequest.COLLECTIONS + "(/.*)?");
    private static final Map<Method, Set<String>> DECLARED = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        String path = request.getUriInfo().getPath();
        Method method = resource.getResourceMethod();
        if (method == null || !path.startsWith(API)) {
            return;
        }
        Set<String> given = request.getUriInfo().getQueryParameters().keySet();
        if (given.isEmpty()) {
            return;
        }
        Set<String> declared = DECLARED.computeIfAbsent(method, KnownParameters::declared);
        boolean read = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        boolean content = CONTENT.matcher(path).matches();
        List<Problem.FieldError> unknown = given.stream()
                .filter(name -> !declared.contains(name) && !name.equals("locale")
                        && !(content && name.equals(read ? ContentRequest.PREVIEW : ContentRequest.PUBLISH)))
                .sorted()
                .map(name -> new Problem.FieldError(name, "is not a parameter of this request"))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown);
        }
    }

    private static Set<String> declared(Method method) {
        Set<String> names = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != null && type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        QueryParam fieldQuery = field.getAnnotation(QueryParam.class);
                        if (fieldQuery != null) {
                            names.add(fieldQuery.value());
                        }
                    }
                }
            }
        }
        return Set.copyOf(names);
    }
}
