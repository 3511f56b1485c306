package dev.twinning.user;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.twinning.common.audit.AuditedEntity;

/** A staff account as administrators manage it. Logging in goes through {@link Login}. */
@Entity
@Table(name = "users")
public class User extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    public Role role;

    public boolean enabled = true;

    @Enumerated(EnumType.STRING)
    public Source source = Source.LOCAL;

    /** Where the account signs in: with its password here, or through the city's identity provider. */
    public enum Source {
        LOCAL,
        SSO
    }
}
