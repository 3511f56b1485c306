package dev.twinning.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * The secret of an API token: {@code twn_}, 43 random base62 characters (256 bits, at least 32 random bytes' worth)
 * and 6 base62 characters of their CRC-32, so that secret scanners (and this server, before any database lookup)
 * can tell a token from a typo. Only its SHA-256 is stored: the secret is random and long, so a slow password hash
 * would add cost and no protection.
 */
final class ApiTokenSecret {

    static final String PREFIX = "twn_";
    /** How much of a token lists show so that its owner can tell tokens apart: the prefix and 8 characters. */
    static final int SHOWN = PREFIX.length() + 8;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int RANDOM_CHARS = 43;
    private static final int CHECKSUM_CHARS = 6;
    static final int LENGTH = PREFIX.length() + RANDOM_CHARS + CHECKSUM_CHARS;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecret() {
    }

    static String generate() {
        StringBuilder token = new StringBuilder(LENGTH).append(PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            token.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return token.append(checksum(token.substring(PREFIX.length()))).toString();
    }

    /** Whether the text has a token's shape and a correct checksum. */
    static boolean wellFormed(String token) {
        if (token == null || token.length() != LENGTH || !token.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            if (BASE62.indexOf(token.charAt(i)) < 0) {
                return false;
            }
        }
        String random = token.substring(PREFIX.length(), PREFIX.length() + RANDOM_CHARS);
        return token.endsWith(checksum(random));
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static String checksum(String random) {
        CRC32 crc = new CRC32();
        crc.update(random.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_CHARS];
        for (int i = CHECKSUM_CHARS - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % BASE62.length()));
            value /= BASE62.length();
        }
        return new String(digits);
    }
}
