package dev.twinning.common.cache;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.twinning.common.etag.EntityTags;
import dev.twinning.common.http.RequestLog;
import dev.twinning.common.i18n.ContentLocale;
import dev.twinning.common.i18n.ContentLocales;

/**
 * Public reads, kept as the exact bytes and headers the API answered, for as long as no change has been
 * announced (see {@link ContentVersion}). A hit is answered on the I/O thread without touching the
 * database or serialising anything; a matching If-None-Match gets 304. Writers wait until every instance
 * has dropped what they changed ({@link CacheInvalidation}), so a hit needs no round trip of its own.
 */
@Singleton
public class ReadCache {

    /**
     * Reads whose answer depends only on tables that NOTIFY their changes. The daily survey series is left
     * out: its default window moves at midnight without any write.
     */
    static final Pattern CACHEABLE = Pattern.compile(
            "/api/v1/(cities|countries|agreements|signatories|pages)(/[^/]+)?|/api/v1/pages/[^/]+/survey|/api/v1/survey");
    /** A bound on memory: when the cached answers would exceed it, the cache starts over. */
    private static final long MAX_BYTES = 32L * 1024 * 1024;

    /** Every cached answer varies with these request headers (the locale also by the {@code locale} parameter). */
    public static final String VARY = "Accept, Accept-Language";

    record Entry(long version, Buffer body, String contentType, String etag, String cacheControl, String contentLanguage) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final ContentVersion version;
    private final ContentLocales locales;
    private final boolean enabled;

    /** @param enabled {@code TWINNING_READ_CACHE_ENABLED}: false measures (or debugs) the uncached path */
    public ReadCache(ContentVersion version, ContentLocales locales,
            @ConfigProperty(name = "twinning.read-cache.enabled", defaultValue = "true") boolean enabled) {
        this.version = version;
        this.locales = locales;
        this.enabled = enabled;
        version.onChange(this::clear);
    }

    void install(@Observes Router router) {
        if (enabled) {
            router.route().order(RequestLog.ORDER + 5).handler(this::serve);
        }
    }

    /** A staff preview ({@code ?preview=true}) is never cached, nor served from the cache. */
    static boolean isPreview(String preview) {
        return preview != null && !preview.equals("false");
    }

    static boolean isCacheable(String path) {
        return CACHEABLE.matcher(path).matches();
    }

    /**
     * The key covers everything the answer depends on: path, query, the media types accepted and the locale
     * chosen (so every Accept-Language that negotiates Korean shares the Korean answer).
     */
    static String key(String path, String query, String accept, String locale) {
        return path + '?' + canonical(query) + '#' + (accept == null ? "" : accept) + '#' + locale;
    }

    /**
     * The query with its parameters in name order (a repeated name keeps the order of its values), so that
     * {@code ?country=CN&size=5} and {@code ?size=5&country=CN} share one entry.
     */
    static String canonical(String query) {
        if (query == null || query.isEmpty() || query.indexOf('&') < 0) {
            return query == null ? "" : query;
        }
        String[] parameters = query.split("&");
        Arrays.sort(parameters, Comparator.comparing(parameter -> {
            int equals = parameter.indexOf('=');
            return equals < 0 ? parameter : parameter.substring(0, equals);
        }));
        return String.join("&", parameters);
    }

    Optional<Long> versionNow() {
        long now = version.current();
        return now == ContentVersion.UNKNOWN ? Optional.empty() : Optional.of(now);
    }

    void store(String key, long versionAtStart, Entry entry) {
        if (!enabled || versionAtStart != version.current()) {
            return;
        }
        if (bytes.addAndGet(entry.body().length()) > MAX_BYTES) {
            clear();
            bytes.addAndGet(entry.body().length());
        }
        entries.put(key, entry);
    }

    /** How many answers are held (none when the cache is switched off). */
    public int size() {
        return entries.size();
    }

    /** Drops every held answer; the next read of each runs the resource again. */
    public void clear() {
        entries.clear();
        bytes.set(0);
    }

    private void serve(RoutingContext context) {
        HttpServerRequest request = context.request();
        if ((request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) || !isCacheable(request.path())
                || isPreview(request.getParam("preview"))) {
            context.next();
            return;
        }
        Optional<ContentLocale> locale = localeOf(request);
        if (locale.isEmpty()) {
            context.next();
            return;
        }
        String key = key(request.path(), request.query(), request.getHeader("Accept"), locale.get().tag());
        answer(context, key);
    }

    /**
     * The locale exactly as {@link dev.twinning.common.i18n.LocaleNegotiation} chooses it for the stored answer:
     * the case-sensitive {@code locale} parameter, else every Accept-Language header joined. Empty when the
     * parameter is bad or the query cannot be decoded: the request then goes the uncached way, to its 400.
     */
    private Optional<ContentLocale> localeOf(HttpServerRequest request) {
        List<String> parameter;
        try {
            parameter = new QueryStringDecoder(request.uri()).parameters().get("locale");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<String> acceptLanguage = request.headers().getAll("Accept-Language");
        return locales.resolveQuietly(parameter == null ? null : parameter.get(0),
                acceptLanguage.isEmpty() ? null : String.join(",", acceptLanguage));
    }

    /** An entry is served only if no change was heard since it was stored, and while this instance's lease is live. */
    private void answer(RoutingContext context, String key) {
        Entry entry = entries.get(key);
        if (entry == null || entry.version() != version.current()) {
            context.next();
            return;
        }
        HttpServerRequest request = context.request();
        context.put(RequestLog.ROUTE, "(read cache)");
        HttpServerResponse response = context.response()
                .putHeader("ETag", entry.etag())
                .putHeader("Cache-Control", entry.cacheControl())
                .putHeader("Vary", VARY)
                .putHeader("Content-Language", entry.contentLanguage());
        if (EntityTags.matches(request.getHeader("If-None-Match"), entry.etag())) {
            response.setStatusCode(304).end();
        } else if (request.method() == HttpMethod.HEAD) {
            response.putHeader("Content-Type", entry.contentType())
                    .putHeader("Content-Length", String.valueOf(entry.body().length())).end();
        } else {
            response.putHeader("Content-Type", entry.contentType()).end(entry.body());
        }
    }
}
