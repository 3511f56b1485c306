package dev.twinning.signatory;

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
import dev.twinning.common.i18n.TranslationService;
import dev.twinning.common.paging.Paged;
import dev.twinning.common.patch.MergePatch;
import dev.twinning.translation.TranslationResource;
import dev.twinning.user.Scope;
import dev.twinning.workflow.PublicationResource;
import dev.twinning.workflow.RevisionResource;
import dev.twinning.workflow.WorkflowEndpoints;

@Path("/api/v1/signatories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signatories", description = "People who signed agreements")
public class SignatoryResource {

    private final SignatoryService service;
    private final EntityTags entityTags;
    private final WorkflowEndpoints workflow;
    private final TranslationService translations;

    public SignatoryResource(SignatoryService service, EntityTags entityTags, TranslationService translations,
            WorkflowEndpoints workflow) {
        this.workflow = workflow;
        this.service = service;
        this.entityTags = entityTags;
        this.translations = translations;
    }

    /** The record's text in every locale: {@code …/translations[/{locale}]}. */
    @Path("{id}/translations")
    public TranslationResource translations(@Parameter(description = "Signatory id") @PathParam("id") String id) {
        return new TranslationResource(translations, "signatories", id);
    }

    /** Publish now or later: {@code POST …/publish}. */
    @Path("{id}/publish")
    public PublicationResource.Publish publish(@Parameter(description = "Signatory id") @PathParam("id") String id) {
        return workflow.publish("signatories", id);
    }

    /** Unpublish now or later: {@code POST …/unpublish}. */
    @Path("{id}/unpublish")
    public PublicationResource.Unpublish unpublish(@Parameter(description = "Signatory id") @PathParam("id") String id) {
        return workflow.unpublish("signatories", id);
    }

    /** Cancel pending schedules: {@code DELETE …/schedule}. */
    @Path("{id}/schedule")
    public PublicationResource.Schedule schedule(@Parameter(description = "Signatory id") @PathParam("id") String id) {
        return workflow.schedule("signatories", id);
    }

    /** The record's history: {@code …/revisions[/{n}[/restore]]}. */
    @Path("{id}/revisions")
    public RevisionResource revisions(@Parameter(description = "Signatory id") @PathParam("id") String id) {
        return workflow.revisions("signatories", id);
    }

    @GET
    @Operation(operationId = "listSignatories", summary = "List signatories",
            description = "Each with the city whose office they held.")
    @APIResponse(responseCode = "200", description = "One page of signatories")
    @APIResponse(responseCode = "400", ref = "BadRequest")
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
    public RestResponse<SignatoryResponse> get(
            @Parameter(description = "Signatory id", example = "1") @PathParam("id") String id,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return entityTags.ok(ifNoneMatch, service.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "createSignatory", summary = "Create a signatory",
            description = "The city whose office the person held is referenced by id.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SignatoryRequest.class),
            examples = @ExampleObject(name = "mayor",
                    value = "{\"name\": \"Jo Yong-ik\", \"title\": \"Mayor\", \"cityId\": 1}")))
    @APIResponse(responseCode = "201", description = "Created; Location names the new signatory",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SignatoryResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public RestResponse<SignatoryResponse> create(@NotNull @Valid SignatoryRequest request) {
        SignatoryResponse signatory = service.create(request);
        return entityTags.created(URI.create("/api/v1/signatories/" + signatory.id()), signatory);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "replaceSignatory", summary = "Replace a signatory",
            description = "An absent optional field becomes empty.")
    @APIResponse(responseCode = "200", description = "The signatory as stored, with its new ETag")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<SignatoryResponse> replace(@PathParam("id") String id,
            @Parameter(
                    description = "ETag of the version you edited; a stale one gets 412") @RestHeader("If-Match") String ifMatch,
            @NotNull @Valid SignatoryRequest request) {
        return entityTags.written(service.replace(id, request, IfMatch.of(ifMatch)));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "patchSignatory", summary = "Change some fields of a signatory",
            description = "JSON Merge Patch (RFC 7396) over the SignatoryRequest fields; null removes an optional field.")
    @RequestBody(required = true,
            content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = Object.class),
                    examples = @ExampleObject(name = "title", value = "{\"title\": \"Former Mayor\"}")))
    @APIResponse(responseCode = "200", description = "The signatory as stored, with its new ETag")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<SignatoryResponse> patch(@PathParam("id") String id,
            @Parameter(
                    description = "ETag of the version you edited; a stale one gets 412") @RestHeader("If-Match") String ifMatch,
            JsonNode patch) throws JsonProcessingException {
        return entityTags.written(service.patch(id, patch, IfMatch.of(ifMatch)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "deleteSignatory", summary = "Delete a signatory",
            description = "Refused with 409 while agreements list the person.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void delete(@PathParam("id") String id,
            @Parameter(
                    description = "ETag of the version you saw; a stale one gets 412") @RestHeader("If-Match") String ifMatch) {
        service.delete(id, IfMatch.of(ifMatch));
    }
}
