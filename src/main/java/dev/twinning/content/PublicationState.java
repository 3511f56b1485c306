package dev.twinning.content;

/** A working copy's relation to what the public sees. */
public enum PublicationState {
    /** Not public. */
    DRAFT,
    /** Public exactly as it is. */
    PUBLISHED,
    /** Public, with changes the public does not see yet. */
    CHANGED
}
