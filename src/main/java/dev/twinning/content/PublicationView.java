package dev.twinning.content;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The {@code publication} object of a working copy's representation (previews and write answers); public
 * answers leave it out.
 */
@Schema(name = "Publication", description = "Where the working copy stands: only in previews and in answers to staff writes")
public record PublicationView(
        @Schema(required = true,
                description = "DRAFT: not public; PUBLISHED: public as it is; CHANGED: public, with unpublished changes") PublicationState state,
        @Schema(required = true, nullable = true, description = "When the live version was published") Instant publishedAt,
        @Schema(required = true, nullable = true, description = "Pending scheduled publication") Instant publishAt,
        @Schema(required = true, nullable = true, description = "Pending scheduled unpublication") Instant unpublishAt) {

    /** The record's publication when it is represented from its working copy, else null (left out). */
    public static PublicationView of(Publication publication, long version) {
        if (!WorkingCopies.active()) {
            return null;
        }
        return new PublicationView(publication.state(version), publication.publishedAt, publication.publishAt,
                publication.unpublishAt);
    }
}
