package dev.twinning.common.cache;

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

import dev.twinning.common.etag.EntityTags;
import dev.twinning.common.i18n.RequestLocale;

/**
 * HTTP caching for reads: Cache-Control (public with TWINNING_CACHE_MAX_AGE, or no-store for staff-only
 * reads), Vary, and a strong ETag with 304 on every JSON read, lists included. Published content is also
 * handed to the {@link ReadCache}, which serves repeats without running the resource. A successful write
 * answers only once every instance has dropped the answers it cached before ({@link CacheInvalidation}).
 */
public class HttpCaching {

    private static final String VERSION_AT_START = "twinning.content-version";

    private final ReadCache cache;
    private final ObjectMapper mapper;
    private final String publicCacheControl;
    private final RequestLocale locale;
    private final CacheInvalidation invalidation;

    public HttpCaching(ReadCache cache, ObjectMapper mapper, @ConfigProperty(name = "twinning.cache.max-age") int maxAge,
            RequestLocale locale, CacheInvalidation invalidation) {
        this.cache = cache;
        this.invalidation = invalidation;
        this.locale = locale;
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
        response.getHeaders().putSingle("Vary", ReadCache.VARY);
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
            if (!HttpMethod.OPTIONS.equals(method) && response.getStatus() < 400) {
                invalidation.awaitEverywhere();
            }
            return;
        }
        boolean staffOnly = resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(RolesAllowed.class)
                        || resource.getResourceClass().isAnnotationPresent(RolesAllowed.class))
                || ReadCache.isPreview(request.getUriInfo().getQueryParameters().getFirst("preview"));
        String cacheControl = staffOnly ? "private, no-store" : publicCacheControl;
        if (response.getHeaderString("Cache-Control") != null && !staffOnly) {
            return; // the resource chose its own (immutable image bytes)
        }
        response.getHeaders().putSingle("Cache-Control", cacheControl);
        if (response.getStatus() != 200 || response.getEntity() == null || staffOnly
                || !MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
            return;
        }
        String path = request.getUriInfo().getPath();
        String etag = response.getHeaderString("ETag");
        boolean store = request.getProperty(VERSION_AT_START) instanceof Long && ReadCache.isCacheable(path);
        if (etag != null && !store) {
            return; // a single resource that tagged itself and answered If-None-Match already
        }
        byte[] body = json(response.getEntity());
        if (etag == null) {
            etag = "\"" + EntityTags.valueOf(body) + "\"";
            response.getHeaders().putSingle("ETag", etag);
        }
        if (store) {
            long version = (Long) request.getProperty(VERSION_AT_START);
            String language = locale.get().tag();
            String key = ReadCache.key(path, request.getUriInfo().getRequestUri().getRawQuery(),
                    request.getHeaderString("Accept"), language);
            cache.store(key, version, new ReadCache.Entry(version, Buffer.buffer(body), MediaType.APPLICATION_JSON, etag,
                    cacheControl, language));
        }
        if (EntityTags.matches(request.getHeaderString("If-None-Match"), etag)) {
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

}
