package dev.twinning.media;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.twinning.common.i18n.ContentLocale;
import dev.twinning.common.i18n.LocalizedText;

/** An uploaded image: the facts of the original, its texts in the requested locale and its sizes. */
@Schema(name = "Media")
public record MediaResponse(
        @Schema(required = true, example = "7") long id,
        @Schema(required = true, description = "Type of the original upload", example = "image/jpeg") String contentType,
        @Schema(required = true, description = "Width as displayed (EXIF orientation applied)", example = "4032") int width,
        @Schema(required = true, description = "Height as displayed", example = "3024") int height,
        @Schema(required = true, description = "Size of the original upload in bytes", example = "2483911") long bytes,
        @Schema(required = true, description = "SHA-256 of the original upload, hex",
                example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
        @Schema(required = true, nullable = true, description = "Text alternative in the requested locale",
                example = "Harbin's St. Sophia Cathedral in winter") String alt,
        @Schema(required = true, nullable = true, example = "Harbin, China") String caption,
        @Schema(required = true, nullable = true, description = "Photographer or source, as written",
                example = "City of Harbin") String credit,
        @Schema(required = true, description = "The image at its own size, at most 1920 pixels wide",
                example = "/api/v1/media/7/content") String url,
        @Schema(required = true, description = "Every size, smallest first, for srcset") List<MediaVariant> variants,
        @Schema(required = true, description = "The locale of this object's text (the one the request asked for)",
                example = "ko") String locale,
        @Schema(required = true, description = "Fields whose text came from another locale, with that locale; set lang on them",
                example = "{\"caption\": \"en\"}") Map<String, String> fallbacks,
        @Schema(required = true, example = "0") long version,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, example = "admin") String createdBy,
        @Schema(required = true, example = "admin") String updatedBy) {

    public static MediaResponse from(Media media, ContentLocale locale) {
        LocalizedText text = Media.TEXT.localize(media, locale);
        return new MediaResponse(media.id, media.contentType, media.width, media.height, media.bytes, media.sha256,
                text.get("alt"), text.get("caption"), media.credit, MediaVariant.url(media), MediaVariant.of(media),
                text.locale(), text.fallbacks(), media.version, media.createdAt, media.updatedAt, media.createdBy,
                media.updatedBy);
    }
}
