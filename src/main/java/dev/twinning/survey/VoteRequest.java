package dev.twinning.survey;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A visitor's answer to "Are you satisfied with the contents of the current page?". */
@Schema(name = "VoteRequest")
public record VoteRequest(@Schema(required = true, example = "VERY_SATISFIED") @NotNull Rating rating) {
}
