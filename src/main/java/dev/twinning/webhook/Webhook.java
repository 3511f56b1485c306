package dev.twinning.webhook;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.twinning.common.audit.AuditedEntity;

/** An endpoint that receives webhook deliveries. */
@Entity
@Table(name = "webhooks")
public class Webhook extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] events;

    public String description;
    public String secret;
    public String previousSecret;
    public Instant previousSecretUntil;
    public boolean enabled = true;
    public String disabledReason;
}
