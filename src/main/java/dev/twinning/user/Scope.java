package dev.twinning.user;

import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an authenticated request may do. Resources name these in {@code @RolesAllowed}: a login holds the scopes
 * of its role, an API token the scopes it was given that its owner's role still holds.
 */
public enum Scope {

    /** Previews, revisions, translations and the trash. */
    CONTENT_READ(Scope.CONTENT_READ_NAME),
    /** Content and media writes and publishing; includes reading. */
    CONTENT_WRITE(Scope.CONTENT_WRITE_NAME),
    /** What an admin does; includes both content scopes. */
    ADMIN(Scope.ADMIN_NAME);

    /** Names for {@code @RolesAllowed}, which needs compile-time constants. */
    public static final String CONTENT_READ_NAME = "content:read";
    public static final String CONTENT_WRITE_NAME = "content:write";
    public static final String ADMIN_NAME = "admin";
    /**
     * Held by a login (password or single sign-on) and never by an API token: creating and listing tokens needs
     * it, so that a leaked token cannot mint others.
     */
    public static final String LOGIN = "login";

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /** This scope and the ones it includes. */
    public Set<Scope> included() {
        return switch (this) {
            case CONTENT_READ -> EnumSet.of(CONTENT_READ);
            case CONTENT_WRITE -> EnumSet.of(CONTENT_READ, CONTENT_WRITE);
            case ADMIN -> EnumSet.allOf(Scope.class);
        };
    }

    /** The scopes a role holds. */
    public static Set<Scope> of(Role role) {
        return role == Role.ADMIN ? ADMIN.included() : CONTENT_WRITE.included();
    }

    /** The scope with this value, or null. */
    public static Scope fromValue(String value) {
        for (Scope scope : values()) {
            if (scope.value.equals(value)) {
                return scope;
            }
        }
        return null;
    }
}
