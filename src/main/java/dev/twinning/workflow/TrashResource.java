package dev.twinning.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.twinning.common.error.InvalidInputException;
import dev.twinning.common.paging.NewestFirstQuery;
import dev.twinning.common.paging.Paged;
import dev.twinning.content.Trash;
import dev.twinning.content.Workflow;
import dev.twinning.user.Scope;

@Path("/api/v1/trash")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scope.CONTENT_READ_NAME)
@SecurityRequirement(name = "basicAuth")
@Tag(name = "Trash", description = "Deleted cities, agreements, signatories and pages, until restored or purged")
public class TrashResource {

    private final Trash trash;

    public TrashResource(Trash trash) {
        this.trash = trash;
    }

    @GET
    @Operation(operationId = "listTrash", summary = "List deleted records, newest deletion first",
            description = "Records stay here for TWINNING_TRASH_RETENTION_DAYS (30) and are then purged.")
    @APIResponse(responseCode = "200", description = "One page of deleted records")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Paged<Trash.Item> list(@BeanParam NewestFirstQuery query) {
        query.validate();
        return trash.list(query.pageNumber(), query.pageSize());
    }

    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @POST
    @Path("{collection}/{id}/restore")
    @Operation(operationId = "restoreFromTrash", summary = "Bring a deleted record back, unpublished",
            description = "409 when another record has taken its slug or key, or when a record it names is in the trash too.")
    @APIResponse(responseCode = "200", description = "The record's working copy with its publication",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContentRecord")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<Object> restore(
            @Parameter(description = "cities, agreements, signatories or pages",
                    example = "cities") @PathParam("collection") String collection,
            @Parameter(description = "The record's id", example = "17") @PathParam("id") String id) {
        Workflow.Tagged restored = trash.restore(collection, id(id));
        return RestResponse.ResponseBuilder.ok(restored.body()).tag(restored.tag()).build();
    }

    @DELETE
    @Path("{collection}/{id}")
    @RolesAllowed(Scope.ADMIN_NAME)
    @Operation(operationId = "purgeFromTrash", summary = "Remove a deleted record for good (admin)",
            description = "Its history goes too, and a page's survey votes. 409 while records in the trash still name it.")
    @APIResponse(responseCode = "204", description = "Purged")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void purge(
            @Parameter(description = "cities, agreements, signatories or pages",
                    example = "cities") @PathParam("collection") String collection,
            @Parameter(description = "The record's id", example = "17") @PathParam("id") String id) {
        trash.purge(collection, id(id));
    }

    private static long id(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("id", "must be a record id (a positive number)");
    }
}
