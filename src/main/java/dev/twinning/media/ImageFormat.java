package dev.twinning.media;

import java.util.Arrays;
import java.util.Optional;

/** The image formats an upload may have, recognised by their first bytes (the declared type is not trusted). */
public enum ImageFormat {

    JPEG("image/jpeg", "jpeg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String contentType;
    private final String imageIoName;

    ImageFormat(String contentType, String imageIoName) {
        this.contentType = contentType;
        this.imageIoName = imageIoName;
    }

    public String contentType() {
        return contentType;
    }

    String imageIoName() {
        return imageIoName;
    }

    public static Optional<ImageFormat> of(String contentType) {
        return Arrays.stream(values()).filter(format -> format.contentType.equals(contentType)).findFirst();
    }

    /** The format the bytes are in, judged by their signature alone. */
    static Optional<ImageFormat> sniff(byte[] data) {
        if (data.length >= 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (data.length >= PNG_SIGNATURE.length && Arrays.equals(data, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0,
                PNG_SIGNATURE.length)) {
            return Optional.of(PNG);
        }
        if (data.length >= 12 && data[0] == 'R' && data[1] == 'I' && data[2] == 'F' && data[3] == 'F' && data[8] == 'W'
                && data[9] == 'E' && data[10] == 'B' && data[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }
}
