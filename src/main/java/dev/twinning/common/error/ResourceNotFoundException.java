package dev.twinning.common.error;

/** Thrown when a path names a resource that does not exist; answered with 404. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String resource, String identifier) {
        super("No " + resource + " '" + identifier + "'");
    }
}
