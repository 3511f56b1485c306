package dev.twinning.signatory;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import dev.twinning.common.etag.EntityTags;
import dev.twinning.common.paging.Paged;

@Path("/api/v1/signatories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signatories", description = "People who signed agreements")
public class SignatoryResource {

    private final SignatoryService service;
    private final EntityTags entityTags;

    public SignatoryResource(SignatoryService service, EntityTags entityTags) {
        this.service = service;
        this.entityTags = entityTags;
    }

    @GET
    @Operation(operationId = "listSignatories", summary = "List signatories",
            description = "Each with the city whose office they held.")
    @APIResponse(responseCode = "200", description = "One page of signatories")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public Paged<SignatoryResponse> list(@BeanParam SignatoryQuery query) {
        return service.list(query);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getSignatory", summary = "Get one signatory with the agreements they signed",
            description = "Carries a strong ETag; If-None-Match with it answers 304.")
    @APIResponse(responseCode = "200", description = "The signatory, with its ETag")
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public RestResponse<SignatoryResponse> get(
            @Parameter(description = "Signatory id", example = "1") @PathParam("id") String id,
            @Context Request request) {
        return entityTags.ok(request, service.get(id));
    }
}
