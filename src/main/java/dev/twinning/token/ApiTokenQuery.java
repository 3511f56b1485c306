package dev.twinning.token;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.twinning.common.error.InvalidInputException;
import dev.twinning.common.paging.NewestFirstQuery;

/** Paging of the token list, and whether an admin asks for everyone's tokens. */
public class ApiTokenQuery extends NewestFirstQuery {

    @QueryParam("all")
    @Parameter(description = "true: every user's tokens (admins only)",
            schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
    public String all;

    public boolean everyone() {
        return "true".equals(all);
    }

    @Override
    protected void checkFilters() {
        if (all != null && !all.equals("true") && !all.equals("false")) {
            throw new InvalidInputException("all", "must be true or false");
        }
    }
}
