package dev.twinning.common.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;

/**
 * HTTP caching for reads: Cache-Control (public with TWINNING_CACHE_MAX_AGE, or no-store for staff-only
 * reads), Vary, and a strong ETag with 304 on every JSON read, lists included. Published content is also
 * handed to the {@link ReadCache}, which serves repeats without running the resource.
 */
public class HttpCaching {

    private static final String VERSION_AT_START = "twinning.content-version";

    private final ReadCache cache;
    private final ObjectMapper mapper;
    private final String publicCacheControl;

    public HttpCaching(ReadCache cache, ObjectMapper mapper, @ConfigProperty(name = "twinning.cache.max-age") int maxAge) {
        this.cache = cache;
        this.mapper = mapper;
        this.publicCacheControl = "public, max-age=" + Math.max(0, maxAge);
    }

    /** The version before the resource reads the database: an answer is cached only if no write came between. */
    @ServerRequestFilter
    public void noteVersion(ContainerRequestContext request) {
        if (HttpMethod.GET.equals(request.getMethod())) {
            cache.versionNow().ifPresent(version -> request.setProperty(VERSION_AT_START, version));
        }
    }

    @ServerResponseFilter
    public void cacheRead(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        String method = request.getMethod();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
            return;
        }
        boolean staffOnly = resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(RolesAllowed.class)
                        || resource.getResourceClass().isAnnotationPresent(RolesAllowed.class));
        String cacheControl = staffOnly ? "private, no-store" : publicCacheControl;
        response.getHeaders().putSingle("Cache-Control", cacheControl);
        response.getHeaders().putSingle("Vary", "Accept");
        if (response.getStatus() != 200 || response.getEntity() == null || staffOnly
                || !MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
            return;
        }
        byte[] body = json(response.getEntity());
        String etag = Optional.ofNullable(response.getHeaderString("ETag")).orElseGet(() -> tag(body));
        response.getHeaders().putSingle("ETag", etag);
        String path = request.getUriInfo().getPath();
        if (request.getProperty(VERSION_AT_START) instanceof Long version && ReadCache.isCacheable(path)) {
            String key = ReadCache.key(path, request.getUriInfo().getRequestUri().getRawQuery(),
                    request.getHeaderString("Accept"));
            cache.store(key, version, new ReadCache.Entry(version, Buffer.buffer(body), MediaType.APPLICATION_JSON, etag,
                    cacheControl));
        }
        if (Tags.matches(request.getHeaderString("If-None-Match"), etag)) {
            response.setStatus(304);
            response.setEntity(null);
        } else {
            response.setEntity(body, null, MediaType.APPLICATION_JSON_TYPE);
        }
    }

    private byte[] json(Object entity) {
        try {
            return mapper.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the response", e);
        }
    }

    private static String tag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
