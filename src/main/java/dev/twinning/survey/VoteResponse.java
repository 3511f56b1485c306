package dev.twinning.survey;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The vote as counted. */
@Schema(name = "Vote")
public record VoteResponse(
        @Schema(required = true, example = "friendship-cities") String page,
        @Schema(required = true, example = "VERY_SATISFIED") Rating rating,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true, description = "The page's all-time result including this vote, as GET"
                + " /api/v1/pages/{key}/survey answers it right after") SurveyResult survey) {
}
