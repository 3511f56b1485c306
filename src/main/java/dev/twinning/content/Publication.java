package dev.twinning.content;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where a record stands in the editorial workflow. The workflow ({@link Workflow}) keeps these columns with its
 * own statements, so Hibernate reads them but never writes them, and changing them never raises the record's
 * version.
 */
@Embeddable
public class Publication {

    /** When the live version was published; null while the record is not public. */
    @Column(insertable = false, updatable = false)
    public Instant publishedAt;

    /** The working copy's version when it was last published: the live version is this one. */
    @Column(insertable = false, updatable = false)
    public Long publishedVersion;

    @Column(insertable = false, updatable = false)
    public Instant publishAt;

    @Column(insertable = false, updatable = false)
    public Instant unpublishAt;

    @Column(insertable = false, updatable = false)
    public Instant deletedAt;

    @Column(insertable = false, updatable = false)
    public String deletedBy;

    /** The publication, or an empty one for a record whose columns are all null (Hibernate loads that as null). */
    public static Publication orEmpty(Publication publication) {
        return publication != null ? publication : new Publication();
    }

    /** DRAFT (never published or unpublished), PUBLISHED (live is the working copy) or CHANGED. */
    public PublicationState state(long version) {
        if (publishedVersion == null) {
            return PublicationState.DRAFT;
        }
        return publishedVersion == version ? PublicationState.PUBLISHED : PublicationState.CHANGED;
    }
}
