package dev.twinning.webhook;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.twinning.common.error.InvalidInputException;
import dev.twinning.common.paging.NewestFirstQuery;

/** Paging and the state filter of an endpoint's deliveries log, newest first. */
public class DeliveryQuery extends NewestFirstQuery {

    static final List<String> STATES = List.of("PENDING", "DELIVERED", "FAILED");

    @QueryParam("state")
    @Parameter(description = "Only deliveries in this state",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"PENDING", "DELIVERED", "FAILED"}))
    public String state;

    @Override
    protected void checkFilters() {
        state();
    }

    /** The state asked for, or null for all. */
    String state() {
        if (state == null || state.isBlank()) {
            return null;
        }
        String value = state.trim().toUpperCase(Locale.ROOT);
        if (!STATES.contains(value)) {
            throw new InvalidInputException("state", "must be one of " + String.join(", ", STATES));
        }
        return value;
    }
}
