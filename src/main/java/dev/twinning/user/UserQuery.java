package dev.twinning.user;

import java.util.Set;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.twinning.common.paging.ListQuery;

/** Sort and paging of {@code GET /api/v1/users}. */
public class UserQuery extends ListQuery {

    @QueryParam("sort")
    @Parameter(description = "Comma-separated sort fields, '-' for descending: username, role, createdAt",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "username"), example = "role,username")
    public String sort;

    @Override
    public String sort() {
        return sort;
    }

    @Override
    protected Set<String> sortFields() {
        return UserRepository.SORT_FIELDS.keySet();
    }
}
