package dev.twinning.audit;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

import dev.twinning.common.http.RequestLog;

/**
 * Appends entries to the audit log, the append-only table {@code audit_log}: who did what to which record, when,
 * and in which request. An entry is written in the caller's transaction, so it commits or rolls back with the
 * change it records.
 */
@ApplicationScoped
public class AuditLog {

    /** The user of work done without a logged-in user: start-up, scheduled jobs. Reserved: no account has it. */
    public static final String SYSTEM = "system";

    /** The collections an entry may name: the API's path segments. */
    static final List<String> COLLECTIONS = List.of("cities", "agreements", "signatories", "pages", "media", "users",
            "tokens", "webhooks");
    static final Pattern ACTION = Pattern.compile("[A-Z]+(_[A-Z]+)*");
    static final int MAX_ACTION_LENGTH = 40;
    private static final int MAX_USERNAME_LENGTH = 100;

    private final EntityManager entityManager;
    private final CurrentIdentityAssociation identity;
    private final CurrentVertxRequest request;

    public AuditLog(EntityManager entityManager, CurrentIdentityAssociation identity, CurrentVertxRequest request) {
        this.entityManager = entityManager;
        this.identity = identity;
        this.request = request;
    }

    /**
     * Appends one entry in the caller's transaction (there must be one). The user is the logged-in user of the
     * current request, else {@link #SYSTEM}; the request id is the current HTTP request's {@code X-Request-Id},
     * else null.
     *
     * @param action what was done, an upper-case word such as {@code CREATE}, {@code PUBLISH} or {@code IMPORT}
     * @param collection the collection's path segment ({@code cities}, {@code users}, ...), or null for a change
     *        of the whole dataset
     * @param id the record's id, or null
     * @param revision the record's revision that the change made, or null
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String collection, Long id, Integer revision) {
        boolean inRequest = Arc.container().requestContext().isActive();
        append(inRequest ? currentUser() : SYSTEM, action, collection, id, revision);
    }

    /**
     * Appends one entry for a user named by the caller, for work done while the request's identity is still being
     * established (single sign-on recording its user), when asking for the current user would recurse.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(String username, String action, String collection, Long id) {
        append(username, action, collection, id, null);
    }

    private void append(String username, String action, String collection, Long id, Integer revision) {
        if (action == null || action.length() > MAX_ACTION_LENGTH || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("An audit action is an upper-case word such as UPDATE, not " + action);
        }
        if (collection != null && !COLLECTIONS.contains(collection)) {
            throw new IllegalArgumentException("Unknown audit collection " + collection + "; one of " + COLLECTIONS);
        }
        entityManager.createNativeQuery("""
                insert into audit_log (username, action, collection, record_id, revision, request_id)
                values (:username, :action, :collection, :recordId, :revision, :requestId)""")
                .setParameter("username", username)
                .setParameter("action", action)
                .setParameter("collection", collection)
                .setParameter("recordId", id)
                .setParameter("revision", revision)
                .setParameter("requestId", currentRequestId())
                .executeUpdate();
    }

    private String currentUser() {
        SecurityIdentity current = identity.getIdentity();
        if (current == null || current.isAnonymous()) {
            return SYSTEM;
        }
        String name = current.getPrincipal().getName();
        return name.length() <= MAX_USERNAME_LENGTH ? name : name.substring(0, MAX_USERNAME_LENGTH);
    }

    /** Set on every HTTP request by {@link RequestLog}; absent outside HTTP (start-up, scheduled jobs). */
    private String currentRequestId() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext context = request.getCurrent();
        return context == null ? null : context.request().getHeader(RequestLog.HEADER);
    }
}
