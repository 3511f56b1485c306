package dev.twinning.workflow;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.twinning.common.error.InputErrors;
import dev.twinning.common.error.InvalidInputException;

/** The optional body of publish and unpublish: none or {@code {}} acts now, {@code {"at": …}} schedules. */
@Schema(name = "PublicationRequest", description = "Leave the body out (or send {}) to act now; give at to schedule")
public record PublicationRequest(
        @Schema(description = "When to act, ISO-8601 in UTC; must be in the future",
                example = "2027-01-05T01:00:00Z") Instant at) {

    /** Reads the body as sent; an empty body acts now. */
    static PublicationRequest parse(String body, ObjectMapper mapper) {
        if (body == null || body.isBlank()) {
            return new PublicationRequest(null);
        }
        JsonNode json;
        try {
            json = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body",
                    "must be a JSON object such as {\"at\": \"2027-01-05T01:00:00Z\"}, or empty");
        }
        if (json == null || !json.isObject()) {
            throw new InvalidInputException("body",
                    "must be a JSON object such as {\"at\": \"2027-01-05T01:00:00Z\"}, or empty");
        }
        InputErrors errors = new InputErrors();
        for (Iterator<String> names = json.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("at")) {
                errors.add(name, "is not a field of this request; the only one is at");
            }
        }
        JsonNode at = json.get("at");
        Instant when = null;
        if (at != null && !at.isNull()) {
            if (!at.isTextual()) {
                errors.add("at", "must be an ISO-8601 time such as 2027-01-05T01:00:00Z");
            } else {
                try {
                    when = Instant.parse(at.asText());
                } catch (DateTimeParseException e) {
                    errors.add("at", "must be an ISO-8601 time such as 2027-01-05T01:00:00Z");
                }
            }
        }
        errors.throwIfAny();
        return new PublicationRequest(when);
    }
}
