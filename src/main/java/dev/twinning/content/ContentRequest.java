package dev.twinning.content;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

import dev.twinning.common.error.InvalidInputException;
import dev.twinning.user.Scope;

/**
 * The workflow's query parameters, read the same way wherever they apply: {@code preview} on content reads and
 * {@code publish} on content writes ({@code true} or {@code false}; anything else is a 400 naming it). Work
 * outside a request (the scheduler, the seed) asks for neither.
 */
@ApplicationScoped
public class ContentRequest {

    /** The collections whose reads take {@code preview} and whose writes take {@code publish}, as a regex. */
    public static final String COLLECTIONS = "(cities|agreements|signatories|pages)";
    public static final String PREVIEW = "preview";
    public static final String PUBLISH = "publish";

    private final CurrentVertxRequest current;

    public ContentRequest(CurrentVertxRequest current) {
        this.current = current;
    }

    /** {@code ?preview=true}: staff read working copies. */
    public boolean preview() {
        return flag(PREVIEW);
    }

    /** {@code ?publish=true}: a write publishes its result in the same transaction. */
    public boolean publish() {
        return flag(PUBLISH);
    }

    /** A preview is for logged-in staff: 401 without a login. */
    void requireStaff() {
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!identity.hasRole(Scope.CONTENT_READ_NAME)) {
            throw new ForbiddenException();
        }
    }

    private boolean flag(String name) {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        RoutingContext context = current.getCurrent();
        if (context == null) {
            return false;
        }
        String value = context.request().getParam(name);
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidInputException(name, "must be true or false");
    }
}
