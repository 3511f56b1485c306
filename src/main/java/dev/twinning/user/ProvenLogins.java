package dev.twinning.user;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;

/**
 * Credentials that passed a password check in the last 15 minutes. Their next requests are no guesses, so they
 * skip the failed-login throttle and its cap on checks in flight; the password is still checked (bcrypt) on
 * every request, so a changed password or a disabled account takes effect at once. Only an HMAC of username and
 * password is held, keyed with a secret that lives and dies with this process.
 */
@Singleton
public class ProvenLogins {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Cache<String, Boolean> proven = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(15))
            .build();

    public ProvenLogins() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    boolean contains(UsernamePasswordAuthenticationRequest login) {
        return proven.getIfPresent(fingerprint(login)) != null;
    }

    void remember(UsernamePasswordAuthenticationRequest login) {
        proven.put(fingerprint(login), Boolean.TRUE);
    }

    void forget(UsernamePasswordAuthenticationRequest login) {
        proven.invalidate(fingerprint(login));
    }

    private String fingerprint(UsernamePasswordAuthenticationRequest login) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(login.getUsername().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(new String(login.getPassword().getPassword()).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + ALGORITHM, e);
        }
    }
}
