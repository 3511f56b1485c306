package dev.twinning.page;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.twinning.common.validation.Slug;
import dev.twinning.media.ImageRequest;

/** The writable fields of a page; the agreements it presents are referenced by id, in page order. */
@Schema(name = "PageRequest")
public record PageRequest(
        @Schema(required = true, description = "URL key", example = "partner-cities-news") @NotBlank @Slug String key,
        @Schema(required = true, example = "Partner Cities News") @NotBlank @Size(max = 200) String title,
        @Schema(example = "Latest exchanges with our partner cities.") @Size(max = 20000) String body,
        @Schema(description = "Ids of the agreements the page presents, in order",
                example = "[1, 5]") @Size(max = 500) List<@NotNull @Positive Long> agreementIds,
        @Schema(description = "Images to show, in order, each an uploaded image's id and its role (at most 20)",
                example = "[{\"mediaId\": 7, \"role\": \"PHOTO\"}]") @Size(
                        max = 20) List<@NotNull @Valid ImageRequest> images) {

    static PageRequest from(Page page) {
        return new PageRequest(page.key, page.title, page.body, page.agreements.stream().map(a -> a.id).toList(),
                page.images.stream().map(ImageRequest::from).toList());
    }
}
