package dev.twinning.content;

/** What a revision records, and the webhook event action it announces. */
public enum Action {

    CREATE("created"),
    UPDATE("updated"),
    TRANSLATE("updated"),
    PUBLISH("published"),
    UNPUBLISH("unpublished"),
    RESTORE("updated"),
    DELETE("deleted"),
    UNDELETE("restored");

    private final String event;

    Action(String event) {
        this.event = event;
    }

    /** The action in webhook event types ({@code city.published}): a restored revision is an update. */
    public String event() {
        return event;
    }

    /** Whether it changes what the public sees of a published record's neighbours (pages presenting it). */
    boolean changesPublicView(boolean wasPublished) {
        return this == PUBLISH || this == UNPUBLISH || (this == DELETE && wasPublished);
    }
}
