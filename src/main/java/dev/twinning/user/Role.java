package dev.twinning.user;

/** What a staff member may do: editors write content, admins also manage users and bulk data. */
public enum Role {

    ADMIN,
    EDITOR;

    /** Names for {@code @RolesAllowed}, which needs compile-time constants. */
    public static final String ADMIN_NAME = "ADMIN";
    public static final String EDITOR_NAME = "EDITOR";
}
