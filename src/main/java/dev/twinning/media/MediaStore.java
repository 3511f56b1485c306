package dev.twinning.media;

import java.util.Optional;

/**
 * Where the bytes of uploads and renditions live. The shipped store is PostgreSQL ({@link DatabaseMediaStore});
 * an S3-compatible store would implement the same three calls (objects keyed {@code media/{id}/{width}}) as an
 * alternative bean.
 */
public interface MediaStore {

    /** One stored file: the upload as received (width 0) or a rendition {@code width} pixels wide. */
    record StoredFile(int width, int height, String contentType, byte[] data) {
    }

    /** Stores a file in the current transaction, so that a rejected or failed upload leaves nothing behind. */
    void save(long mediaId, StoredFile file);

    Optional<StoredFile> find(long mediaId, int width);

    void deleteAll(long mediaId);
}
