package dev.twinning.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.twinning.common.paging.Paged;

/** Reads the audit log; entries are written by {@link AuditLog}. */
@ApplicationScoped
public class AuditService {

    private final AuditRepository entries;

    public AuditService(AuditRepository entries) {
        this.entries = entries;
    }

    /** One page of the matching entries, newest first. */
    public AuditEntries list(AuditQuery query) {
        query.validate();
        AuditFilter filter = query.filter();
        int page = query.pageNumber();
        int size = query.pageSize();
        List<AuditEntryResponse> items = entries.listNewestFirst(filter, page, size).stream().map(AuditEntryResponse::from)
                .toList();
        return AuditEntries.of(Paged.of(items, page, size, () -> entries.count(filter)));
    }

    /** Every matching entry, newest first, for a CSV export. */
    public AuditEntries listAll(AuditQuery query) {
        query.validate();
        List<AuditEntryResponse> items = entries.listAllNewestFirst(query.filter()).stream().map(AuditEntryResponse::from)
                .toList();
        return new AuditEntries(items, 0, items.size(), items.size());
    }
}
