package dev.twinning.common.etag;

/** Thrown when If-Match names no current representation; answered with 412 and nothing is changed. */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException() {
        super("The resource has changed since the ETag in If-Match was issued; fetch it again and reapply your change");
    }
}
