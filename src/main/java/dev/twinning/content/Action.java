package dev.twinning.content;

/** What a revision records. */
public enum Action {
    CREATE,
    UPDATE,
    TRANSLATE,
    PUBLISH,
    UNPUBLISH,
    RESTORE,
    DELETE,
    UNDELETE
}
