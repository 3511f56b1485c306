package dev.twinning.user;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.Subselect;
import org.hibernate.annotations.Synchronize;

import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

/**
 * The credentials Quarkus Security checks on each password login. Only enabled local accounts are visible here,
 * so a disabled user cannot log in at all and a single sign-on user has no password to guess.
 */
@Entity
@Immutable
@Subselect("select id, username, password_hash, role from users where enabled and source = 'LOCAL'")
@Synchronize("users")
@UserDefinition
public class Login {

    @Id
    public Long id;

    @Username
    public String username;

    @Password(PasswordType.MCF)
    public String passwordHash;

    @Roles
    public String role;
}
