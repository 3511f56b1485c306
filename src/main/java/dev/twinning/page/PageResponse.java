package dev.twinning.page;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.twinning.agreement.AgreementResponse;
import dev.twinning.common.i18n.ContentLocale;
import dev.twinning.common.i18n.LocalizedText;
import dev.twinning.content.PublicationView;
import dev.twinning.media.ImageResponse;
import dev.twinning.survey.SurveyResult;

/**
 * A page of the public site. A single page also carries the agreements it presents and its survey result,
 * so one request renders it.
 */
@Schema(name = "Page")
public record PageResponse(
        @Schema(required = true, example = "1") long id,
        @Schema(required = true, example = "friendship-cities") String key,
        @Schema(required = true, example = "Friendship Cities") String title,
        @Schema(required = true, nullable = true) String body,
        @Schema(required = true,
                description = "Images shown, in order, with their sizes and texts in the requested locale") List<ImageResponse> images,
        @Schema(required = true, description = "The locale of this object's text (the one the request asked for)",
                example = "ko") String locale,
        @Schema(required = true, description = "Fields whose text came from another locale, with that locale; set lang on them",
                example = "{\"description\": \"en\"}") Map<String, String> fallbacks,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                description = "The agreements the page presents, in page order (single-page responses only)") List<AgreementResponse> agreements,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                description = "The page's satisfaction survey result (single-page responses only)") SurveyResult survey,
        @Schema(required = true, example = "0") long version,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true, description = "User who created it; system for seeded data",
                example = "admin") String createdBy,
        @Schema(required = true, description = "User who changed it last", example = "admin") String updatedBy,
        @Schema(required = true, nullable = true,
                description = "When the public version was published; null while unpublished") Instant publishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                description = "Where the working copy stands (previews and staff writes only)") PublicationView publication) {

    public static PageResponse from(Page page, ContentLocale locale) {
        return withContent(page, locale, null, null);
    }

    public static PageResponse withContent(Page page, ContentLocale locale, List<AgreementResponse> agreements,
            SurveyResult survey) {
        LocalizedText text = Page.TEXT.localize(page, locale);
        return new PageResponse(page.id, page.key, text.get("title"), text.get("body"),
                ImageResponse.of(page.images, locale), text.locale(), text.fallbacks(),
                agreements, survey,
                page.version, page.createdAt, page.updatedAt, page.createdBy, page.updatedBy, page.publication().publishedAt,
                PublicationView.of(page.publication(), page.version));
    }
}
