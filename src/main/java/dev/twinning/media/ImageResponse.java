package dev.twinning.media;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.twinning.common.i18n.ContentLocale;
import dev.twinning.common.i18n.LocalizedText;

/** An image as a city or page shows it: enough to write {@code <img src srcset alt>} and a caption. */
@Schema(name = "Image")
public record ImageResponse(
        @Schema(required = true, example = "PHOTO") ImageRole role,
        @Schema(required = true, description = "The media id", example = "7") long id,
        @Schema(required = true, description = "The image at its own size, at most 1920 pixels wide",
                example = "/api/v1/media/7/content") String url,
        @Schema(required = true, description = "Width as displayed (EXIF orientation applied)", example = "4032") int width,
        @Schema(required = true, description = "Height as displayed", example = "3024") int height,
        @Schema(required = true, nullable = true, example = "Harbin's St. Sophia Cathedral in winter") String alt,
        @Schema(required = true, nullable = true, example = "Harbin, China") String caption,
        @Schema(required = true, nullable = true, example = "City of Harbin") String credit,
        @Schema(required = true, description = "Every size, smallest first, for srcset") List<MediaVariant> variants,
        @Schema(required = true, description = "The locale of this object's text", example = "ko") String locale,
        @Schema(required = true, description = "Fields whose text came from another locale",
                example = "{\"alt\": \"en\"}") Map<String, String> fallbacks) {

    public static ImageResponse from(ImageSlot slot, ContentLocale locale) {
        Media media = slot.media;
        LocalizedText text = Media.TEXT.localize(media, locale);
        return new ImageResponse(slot.role, media.id, MediaVariant.url(media), media.width, media.height, text.get("alt"),
                text.get("caption"), media.credit, MediaVariant.of(media), text.locale(), text.fallbacks());
    }

    public static List<ImageResponse> of(List<ImageSlot> slots, ContentLocale locale) {
        return slots.stream().map(slot -> from(slot, locale)).toList();
    }
}
