package dev.twinning.page;

import java.util.Set;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.twinning.common.paging.ListQuery;

/** Sort and paging of {@code GET /api/v1/pages}. */
public class PageQuery extends ListQuery {

    @QueryParam("sort")
    @Parameter(description = "Comma-separated sort fields, '-' for descending: key, title, updatedAt",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "key"), example = "title")
    public String sort;

    @Override
    public String sort() {
        return sort;
    }

    @Override
    protected Set<String> sortFields() {
        return PageRepository.SORT_FIELDS.keySet();
    }
}
