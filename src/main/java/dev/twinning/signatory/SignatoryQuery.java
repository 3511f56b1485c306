package dev.twinning.signatory;

import java.util.Set;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.twinning.common.paging.ListQuery;

/** Sort and paging of {@code GET /api/v1/signatories}. */
public class SignatoryQuery extends ListQuery {

    @QueryParam("sort")
    @Parameter(description = "Comma-separated sort fields, '-' for descending: name, city",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "name"), example = "city,name")
    public String sort;

    @Override
    public String sort() {
        return sort;
    }

    @Override
    protected Set<String> sortFields() {
        return SignatoryRepository.SORT_FIELDS.keySet();
    }
}
