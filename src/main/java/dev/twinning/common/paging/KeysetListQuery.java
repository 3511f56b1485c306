package dev.twinning.common.paging;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** A list that can grow large, so it also offers keyset paging with {@code after}. */
public abstract class KeysetListQuery extends ListQuery {

    @QueryParam("after")
    @Parameter(
            description = "Keyset paging through the whole list: 0 for the first page, then the previous page's next value; items come in id order, and page and sort must be absent",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"), example = "0")
    public String after;

    @Override
    protected String after() {
        return after;
    }
}
