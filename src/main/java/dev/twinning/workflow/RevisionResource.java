package dev.twinning.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import dev.twinning.common.error.InvalidInputException;
import dev.twinning.common.etag.IfMatch;
import dev.twinning.common.paging.NewestFirstQuery;
import dev.twinning.common.paging.Paged;
import dev.twinning.content.Workflow;
import dev.twinning.user.Scope;

/** A record's history, reached through each content collection's resource at {@code …/{idOrKey}/revisions}. */
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scope.CONTENT_READ_NAME)
@SecurityRequirement(name = "basicAuth")
@Tag(name = "Revisions", description = "Every change of a record, its content then, and restoring it")
public class RevisionResource {

    private final Workflow workflow;
    private final String collection;
    private final String idOrKey;

    public RevisionResource(Workflow workflow, String collection, String idOrKey) {
        this.workflow = workflow;
        this.collection = collection;
        this.idOrKey = idOrKey;
    }

    @GET
    @Operation(operationId = "listRecordRevisions", summary = "List a record's revisions, newest first",
            description = "One revision per change: CREATE, UPDATE, TRANSLATE, PUBLISH, UNPUBLISH, RESTORE, DELETE, UNDELETE, with when and by whom.")
    @APIResponse(responseCode = "200", description = "One page of revisions")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Paged<Workflow.RevisionSummary> list(@BeanParam NewestFirstQuery query) {
        query.validate();
        return workflow.revisions(collection, idOrKey, query.pageNumber(), query.pageSize());
    }

    @GET
    @Path("{revision}")
    @Operation(operationId = "getRecordRevision", summary = "One revision with its content and its changes",
            description = "content is the working copy after that change: its own fields as PUT takes them, with translations by locale. "
                    + "changes is an RFC 6902 JSON Patch from the revision before to this one.")
    @APIResponse(responseCode = "200", description = "The revision")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Workflow.RevisionDetail one(
            @Parameter(description = "Revision number", example = "1") @PathParam("revision") String revision) {
        return workflow.revision(collection, idOrKey, number(revision));
    }

    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @POST
    @Path("{revision}/restore")
    @Operation(operationId = "restoreRecordRevision", summary = "Make a revision's content the working copy again",
            description = "Appends a RESTORE revision. The public sees it once it is published (?publish=true publishes it at once).")
    @APIResponse(responseCode = "200", description = "The working copy with its publication",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContentRecord")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<Object> restore(
            @Parameter(description = "Revision number", example = "1") @PathParam("revision") String revision,
            @Parameter(
                    description = "ETag of the working copy (its preview); a stale one gets 412") @RestHeader("If-Match") String ifMatch) {
        Workflow.Tagged restored = workflow.restore(collection, idOrKey, number(revision), IfMatch.of(ifMatch));
        return RestResponse.ResponseBuilder.ok(restored.body()).tag(restored.tag()).build();
    }

    private static int number(String revision) {
        try {
            int number = Integer.parseInt(revision);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException("revision", "must be a revision number (1, 2, …)");
    }
}
