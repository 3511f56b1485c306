package dev.twinning.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One row of the audit log, as read; rows are only ever added, by {@link AuditLog}. */
@Entity
@Immutable
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    public Long id;

    public Instant at;
    public String username;
    public String action;
    public String collection;
    public Long recordId;
    public Integer revision;
    public String requestId;
}
