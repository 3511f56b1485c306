package dev.twinning.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One audit entry as the API shows it. */
@Schema(name = "AuditEntry")
public record AuditEntryResponse(
        @Schema(required = true, description = "When the change was made (UTC)") Instant at,
        @Schema(required = true, description = "Who made it; system for start-up and scheduled work",
                example = "admin") String user,
        @Schema(required = true, description = "What was done, in upper case", example = "UPDATE") String action,
        @Schema(required = true, nullable = true,
                description = "The collection changed (its path segment); null for a change of the whole dataset (IMPORT)",
                example = "users") String collection,
        @Schema(required = true, nullable = true, description = "The record's id", example = "3") Long id,
        @Schema(required = true, nullable = true,
                description = "The record's revision after the change, where it has revisions",
                example = "4") Integer revision,
        @Schema(required = true, nullable = true, description = "The X-Request-Id of the request that made the change",
                example = "3f1c2a9e-8d7b-4e61-9a0c-5b2d7e4f1a20") String requestId) {

    static final List<String> CSV_HEADER = List.of("at", "user", "action", "collection", "id", "revision", "requestId");

    static AuditEntryResponse from(AuditEntry entry) {
        return new AuditEntryResponse(entry.at, entry.username, entry.action, entry.collection, entry.recordId,
                entry.revision, entry.requestId);
    }

    List<Object> csvRow() {
        return Arrays.asList(at, user, action, collection, id, revision, requestId);
    }
}
