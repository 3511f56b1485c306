package dev.twinning.survey;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The vote as counted. */
@Schema(name = "Vote")
public record VoteResponse(
        @Schema(required = true, example = "friendship-cities") String page,
        @Schema(required = true, example = "VERY_SATISFIED") Rating rating,
        @Schema(required = true) Instant createdAt) {
}
