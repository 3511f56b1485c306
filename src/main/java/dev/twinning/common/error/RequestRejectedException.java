package dev.twinning.common.error;

/** Thrown for a request refused as a whole with a specific status (413, 415) and a detail saying why. */
public class RequestRejectedException extends RuntimeException {

    private final int status;

    public RequestRejectedException(int status, String detail) {
        super(detail);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
