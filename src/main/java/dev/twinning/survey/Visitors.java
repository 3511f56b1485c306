package dev.twinning.survey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Identifies a voter without keeping personal data: the front end's visitor id when it sends one, else the
 * client address and user agent, always as a salted SHA-256 hash. The salt lives in the database, so every
 * instance computes the same hash and the limit holds across instances.
 */
@ApplicationScoped
public class Visitors {

    private volatile byte[] salt;

    void useSalt(byte[] salt) {
        this.salt = salt.clone();
    }

    byte[] hash(String visitorId, String clientAddress, String userAgent) {
        if (salt == null) {
            throw new IllegalStateException("The survey settings have not been loaded");
        }
        String identity = visitorId != null ? "id\n" + visitorId : "client\n" + clientAddress + "\n" + userAgent;
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(identity.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
