package dev.twinning.media;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The texts of an image in the default locale (other locales: its translations). */
@Schema(name = "MediaRequest")
public record MediaRequest(
        @Schema(description = "Text alternative for readers who cannot see the image",
                example = "Harbin's St. Sophia Cathedral in winter") @Size(max = 1000) String alt,
        @Schema(example = "Harbin, China") @Size(max = 2000) String caption,
        @Schema(description = "Photographer or source", example = "City of Harbin") @Size(max = 500) String credit) {

    static MediaRequest from(Media media) {
        return new MediaRequest(media.alt, media.caption, media.credit);
    }

    void applyTo(Media media) {
        media.alt = blankAsNull(alt);
        media.caption = blankAsNull(caption);
        media.credit = blankAsNull(credit);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
