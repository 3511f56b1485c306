package dev.twinning.media;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One size of an image that can be fetched, for {@code srcset}. */
@Schema(name = "MediaVariant")
public record MediaVariant(
        @Schema(required = true, example = "640") int width,
        @Schema(required = true, example = "427") int height,
        @Schema(required = true, description = "Path of the image in this size, relative to the API's origin",
                example = "/api/v1/media/7/content?width=640") String url) {

    /** The path of an image's largest rendition (its own size, at most 1920 pixels wide). */
    static String url(Media media) {
        return "/api/v1/media/" + media.id + "/content";
    }

    /** Every rendition, smallest first; the largest is the one {@link #url(Media)} serves. */
    static List<MediaVariant> of(Media media) {
        List<Integer> widths = new ArrayList<>(ImageProcessor.renditionWidths(media.width));
        int largest = widths.get(0);
        Collections.reverse(widths);
        return widths.stream()
                .map(width -> new MediaVariant(width, ImageProcessor.heightFor(media.width, media.height, width),
                        width == largest ? url(media) : url(media) + "?width=" + width))
                .toList();
    }
}
