package dev.twinning.media;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An image a city or page should show, as a write names it. */
@Schema(name = "ImageRequest")
public record ImageRequest(
        @Schema(required = true, description = "Id of an uploaded image", example = "7") @NotNull Long mediaId,
        @Schema(required = true, example = "PHOTO") @NotNull ImageRole role) {

    public static ImageRequest from(ImageSlot slot) {
        return new ImageRequest(slot.media.id, slot.role);
    }
}
