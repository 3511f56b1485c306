package dev.twinning.audit;

import java.time.Instant;

/** The optional filters of the audit log, parsed: {@code from} inclusive, {@code before} exclusive. */
public record AuditFilter(String user, String collection, String action, Instant from, Instant before) {
}
