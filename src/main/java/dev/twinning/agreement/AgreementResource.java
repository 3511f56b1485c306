package dev.twinning.agreement;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.twinning.common.etag.EntityTags;
import dev.twinning.common.etag.IfMatch;
import dev.twinning.common.paging.Paged;
import dev.twinning.common.patch.MergePatch;
import dev.twinning.user.Scope;
import dev.twinning.workflow.PublicationResource;
import dev.twinning.workflow.RevisionResource;
import dev.twinning.workflow.WorkflowEndpoints;

@Path("/api/v1/agreements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "Sister- and friendship-city agreements")
public class AgreementResource {

    private final AgreementService service;
    private final EntityTags entityTags;
    private final WorkflowEndpoints workflow;

    public AgreementResource(AgreementService service, EntityTags entityTags,
            WorkflowEndpoints workflow) {
        this.workflow = workflow;
        this.service = service;
        this.entityTags = entityTags;
    }

    /** Publish now or later: {@code POST …/publish}. */
    @Path("{id}/publish")
    public PublicationResource.Publish publish(@Parameter(description = "Agreement id") @PathParam("id") String id) {
        return workflow.publish("agreements", id);
    }

    /** Unpublish now or later: {@code POST …/unpublish}. */
    @Path("{id}/unpublish")
    public PublicationResource.Unpublish unpublish(@Parameter(description = "Agreement id") @PathParam("id") String id) {
        return workflow.unpublish("agreements", id);
    }

    /** Cancel pending schedules: {@code DELETE …/schedule}. */
    @Path("{id}/schedule")
    public PublicationResource.Schedule schedule(@Parameter(description = "Agreement id") @PathParam("id") String id) {
        return workflow.schedule("agreements", id);
    }

    /** The record's history: {@code …/revisions[/{n}[/restore]]}. */
    @Path("{id}/revisions")
    public RevisionResource revisions(@Parameter(description = "Agreement id") @PathParam("id") String id) {
        return workflow.revisions("agreements", id);
    }

    @GET
    @Operation(operationId = "listAgreements", summary = "List agreements",
            description = "Each item embeds both cities and the signatories.")
    @APIResponse(responseCode = "200", description = "One page of signatories")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Paged<AgreementResponse> list(@BeanParam AgreementQuery query) {
        return service.list(query);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getAgreement", summary = "Get one agreement",
            description = "With both cities and the signatories. Carries a strong ETag; If-None-Match with it answers 304.")
    @APIResponse(responseCode = "200", description = "The agreement, with its ETag")
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<AgreementResponse> get(
            @Parameter(description = "Agreement id", example = "1") @PathParam("id") String id,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return entityTags.ok(ifNoneMatch, service.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "createAgreement", summary = "Create an agreement",
            description = "Cities and signatories are referenced by id; an unknown id is a 400 naming the field.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgreementRequest.class),
            examples = @ExampleObject(name = "example",
                    value = "{\"homeCityId\": 1, \"partnerCityId\": 9, \"type\": \"SISTER_CITY\", \"establishedOn\": \"2024-05-17\", \"signatoryIds\": [1]}")))
    @APIResponse(responseCode = "201", description = "Created; Location names the new agreement",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AgreementResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<AgreementResponse> create(@NotNull @Valid AgreementRequest request) {
        AgreementResponse agreement = service.create(request);
        return entityTags.created(URI.create("/api/v1/agreements/" + agreement.id()), agreement);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "replaceAgreement", summary = "Replace an agreement",
            description = "An absent optional field becomes empty.")
    @APIResponse(responseCode = "200", description = "The agreement as stored, with its new ETag")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<AgreementResponse> replace(@PathParam("id") String id,
            @Parameter(
                    description = "ETag of the version you edited; a stale one gets 412") @RestHeader("If-Match") String ifMatch,
            @NotNull @Valid AgreementRequest request) {
        return entityTags.written(service.replace(id, request, IfMatch.of(ifMatch)));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "patchAgreement", summary = "Change some fields of an agreement",
            description = "JSON Merge Patch (RFC 7396) over the AgreementRequest fields; null removes an optional field.")
    @RequestBody(required = true,
            content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = Object.class),
                    examples = @ExampleObject(name = "example", value = "{\"status\": \"SUSPENDED\", \"notes\": null}")))
    @APIResponse(responseCode = "200", description = "The agreement as stored, with its new ETag")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<AgreementResponse> patch(@PathParam("id") String id,
            @Parameter(
                    description = "ETag of the version you edited; a stale one gets 412") @RestHeader("If-Match") String ifMatch,
            JsonNode patch) throws JsonProcessingException {
        return entityTags.written(service.patch(id, patch, IfMatch.of(ifMatch)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "deleteAgreement", summary = "Delete an agreement",
            description = "Also removes it from the pages that present it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void delete(@PathParam("id") String id,
            @Parameter(
                    description = "ETag of the version you saw; a stale one gets 412") @RestHeader("If-Match") String ifMatch) {
        service.delete(id, IfMatch.of(ifMatch));
    }
}
