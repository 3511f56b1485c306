package dev.twinning.survey;

import java.time.LocalDate;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.twinning.common.error.InputErrors;
import dev.twinning.common.query.QueryParams;

/** The optional inclusive date window of the survey aggregates, in the survey time zone. */
public class SurveyQuery {

    @QueryParam("from")
    @Parameter(description = "First day counted (inclusive), in the survey time zone",
            schema = @Schema(type = SchemaType.STRING, format = "date"),
            example = "2026-01-01")
    public String from;

    @QueryParam("to")
    @Parameter(description = "Last day counted (inclusive), in the survey time zone",
            schema = @Schema(type = SchemaType.STRING, format = "date"),
            example = "2026-12-31")
    public String to;

    /** The parsed window; either end may be null (open). */
    Window window() {
        InputErrors errors = new InputErrors();
        LocalDate first = errors.attempt(() -> QueryParams.date("from", from));
        LocalDate last = errors.attempt(() -> QueryParams.date("to", to));
        if (first != null && last != null && first.isAfter(last)) {
            errors.add("from", "must not be after to");
        }
        errors.throwIfAny();
        return new Window(first, last);
    }

    record Window(LocalDate from, LocalDate to) {
    }
}
