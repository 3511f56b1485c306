package dev.twinning.transfer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, by kind of resource. */
@Schema(name = "ImportReport")
public record ImportReport(@Schema(required = true) Counts created, @Schema(required = true) Counts updated,
        @Schema(required = true, description = "Survey votes added with new pages") long votes) {

    @Schema(name = "ImportCounts")
    public record Counts(@Schema(required = true) int cities, @Schema(required = true) int signatories,
            @Schema(required = true) int agreements, @Schema(required = true) int pages) {
    }
}
