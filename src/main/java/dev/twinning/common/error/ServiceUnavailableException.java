package dev.twinning.common.error;

/** The database cannot be reached right now; the client should retry shortly (503 with Retry-After). */
public class ServiceUnavailableException extends RuntimeException {

    public static final int RETRY_AFTER_SECONDS = 5;

    public ServiceUnavailableException() {
        super("The service is temporarily unavailable; retry in a few seconds", null, false, false);
    }
}
