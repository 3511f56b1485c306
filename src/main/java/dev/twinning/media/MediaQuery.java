package dev.twinning.media;

import java.util.Set;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.twinning.common.paging.ListQuery;

/** Sort and paging of {@code GET /api/v1/media}. */
public class MediaQuery extends ListQuery {

    @QueryParam("sort")
    @Parameter(description = "Comma-separated sort fields, '-' for descending: createdAt, bytes, width",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "-createdAt"), example = "-createdAt")
    public String sort;

    @Override
    public String sort() {
        return sort;
    }

    @Override
    protected Set<String> sortFields() {
        return MediaRepository.SORT_FIELDS.keySet();
    }
}
