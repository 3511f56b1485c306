package dev.twinning.common.audit;

import java.time.Instant;

import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/** Version and audit columns every piece of content carries; the server sets them, never a request body. */
@MappedSuperclass
@EntityListeners(AuditListener.class)
public abstract class AuditedEntity {

    @Version
    public long version;

    @CreationTimestamp
    public Instant createdAt;

    @UpdateTimestamp
    public Instant updatedAt;

    public String createdBy;
    public String updatedBy;
}
