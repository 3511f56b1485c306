package dev.twinning.common.error;

/** Thrown when a request contradicts the stored data (a taken slug, a referenced city); answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
