package dev.twinning.common.audit;

import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/** Stamps the authenticated user's name on content; work outside a request (the seed) is "system". */
public class AuditListener {

    static final String SYSTEM = "system";

    @PrePersist
    void onCreate(AuditedEntity entity) {
        String user = currentUser();
        entity.createdBy = user;
        entity.updatedBy = user;
    }

    @PreUpdate
    void onUpdate(AuditedEntity entity) {
        entity.updatedBy = currentUser();
    }

    /** The user the current work is done for: the logged-in one, else "system" (the seed, scheduled work). */
    public static String currentUser() {
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        SecurityIdentity identity = Arc.container().instance(CurrentIdentityAssociation.class).get().getIdentity();
        return identity == null || identity.isAnonymous() ? SYSTEM : identity.getPrincipal().getName();
    }
}
