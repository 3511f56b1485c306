package dev.twinning.common.i18n;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Chooses the locale of every request under {@code /api/v1} ({@code locale} parameter, else
 * Accept-Language) before the resource runs, and names it in {@code Content-Language}. Problem bodies are
 * written in English and say so.
 */
public class LocaleNegotiation {

    static final String API = "/api/v1/";
    /** Problem details are written in English whatever the request's locale. */
    private static final String PROBLEM_LANGUAGE = "en";
    private static final String PROBLEM_SUBTYPE = "problem+json";

    private final ContentLocales locales;
    private final RequestLocale requestLocale;

    public LocaleNegotiation(ContentLocales locales, RequestLocale requestLocale) {
        this.locales = locales;
        this.requestLocale = requestLocale;
    }

    @ServerRequestFilter
    public void choose(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith(API)) {
            requestLocale.set(locales.resolve(request.getUriInfo().getQueryParameters().getFirst("locale"),
                    request.getHeaderString("Accept-Language")));
        }
    }

    @ServerResponseFilter
    public void name(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().startsWith(API)) {
            return;
        }
        boolean problem = response.getMediaType() != null
                && PROBLEM_SUBTYPE.equals(response.getMediaType().getSubtype());
        if (problem) {
            response.getHeaders().putSingle("Content-Language", PROBLEM_LANGUAGE);
        } else if (response.getHeaderString("Content-Language") == null) {
            response.getHeaders().putSingle("Content-Language", requestLocale.get().tag());
        }
    }
}
