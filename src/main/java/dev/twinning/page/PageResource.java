package dev.twinning.page;

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

@Path("/api/v1/pages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pages", description = "Pages of the public site")
public class PageResource {

    private final PageService service;
    private final EntityTags entityTags;
    private final WorkflowEndpoints workflow;
    private final TranslationService translations;

    public PageResource(PageService service, EntityTags entityTags, TranslationService translations,
            WorkflowEndpoints workflow) {
        this.workflow = workflow;
        this.service = service;
        this.entityTags = entityTags;
        this.translations = translations;
    }

    /** The record's text in every locale: {@code …/translations[/{locale}]}. */
    @Path("{idOrKey}/translations")
    public TranslationResource translations(@Parameter(description = "Page id or key") @PathParam("idOrKey") String idOrKey) {
        return new TranslationResource(translations, "pages", idOrKey);
    }

    /** Publish now or later: {@code POST …/publish}. */
    @Path("{idOrKey}/publish")
    public PublicationResource.Publish publish(
            @Parameter(description = "Page id or key") @PathParam("idOrKey") String idOrKey) {
        return workflow.publish("pages", idOrKey);
    }

    /** Unpublish now or later: {@code POST …/unpublish}. */
    @Path("{idOrKey}/unpublish")
    public PublicationResource.Unpublish unpublish(
            @Parameter(description = "Page id or key") @PathParam("idOrKey") String idOrKey) {
        return workflow.unpublish("pages", idOrKey);
    }

    /** Cancel pending schedules: {@code DELETE …/schedule}. */
    @Path("{idOrKey}/schedule")
    public PublicationResource.Schedule schedule(
            @Parameter(description = "Page id or key") @PathParam("idOrKey") String idOrKey) {
        return workflow.schedule("pages", idOrKey);
    }

    /** The record's history: {@code …/revisions[/{n}[/restore]]}. */
    @Path("{idOrKey}/revisions")
    public RevisionResource revisions(@Parameter(description = "Page id or key") @PathParam("idOrKey") String idOrKey) {
        return workflow.revisions("pages", idOrKey);
    }

    @GET
    @Operation(operationId = "listPages", summary = "List pages",
            description = "Page metadata; fetch one page for its agreements and survey result.")
    @APIResponse(responseCode = "200", description = "One page of signatories")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Paged<PageResponse> list(@BeanParam PageQuery query) {
        return service.list(query);
    }

    @GET
    @Path("{idOrKey}")
    @Operation(operationId = "getPage", summary = "Get one page with its agreements and survey result",
            description = "Everything needed to render the page, addressed by numeric id or by key. Carries a strong ETag; If-None-Match with it answers 304.")
    @APIResponse(responseCode = "200", description = "The page, with its ETag")
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<PageResponse> get(
            @Parameter(description = "Page id or key", example = "friendship-cities") @PathParam("idOrKey") String idOrKey,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return entityTags.ok(ifNoneMatch, service.get(idOrKey));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "createPage", summary = "Create a page",
            description = "The agreements it presents are referenced by id, in page order.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PageRequest.class),
            examples = @ExampleObject(name = "example",
                    value = "{\"key\": \"partner-cities-news\", \"title\": \"Partner Cities News\", \"body\": \"Latest exchanges.\", \"agreementIds\": [1, 5]}")))
    @APIResponse(responseCode = "201", description = "Created; Location names the new page",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PageResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<PageResponse> create(@NotNull @Valid PageRequest request) {
        PageResponse page = service.create(request);
        return entityTags.created(URI.create("/api/v1/pages/" + page.key()), page);
    }

    @PUT
    @Path("{idOrKey}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "replacePage", summary = "Replace a page", description = "An absent optional field becomes empty.")
    @APIResponse(responseCode = "200", description = "The page as stored, with its new ETag")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<PageResponse> replace(@PathParam("idOrKey") String idOrKey,
            @Parameter(
                    description = "ETag of the version you edited; a stale one gets 412") @RestHeader("If-Match") String ifMatch,
            @NotNull @Valid PageRequest request) {
        return entityTags.written(service.replace(idOrKey, request, IfMatch.of(ifMatch)));
    }

    @PATCH
    @Path("{idOrKey}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "patchPage", summary = "Change some fields of a page",
            description = "JSON Merge Patch (RFC 7396) over the PageRequest fields; null removes an optional field.")
    @RequestBody(required = true,
            content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = Object.class),
                    examples = @ExampleObject(name = "example", value = "{\"title\": \"Friendship Cities Abroad\"}")))
    @APIResponse(responseCode = "200", description = "The page as stored, with its new ETag")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<PageResponse> patch(@PathParam("idOrKey") String idOrKey,
            @Parameter(
                    description = "ETag of the version you edited; a stale one gets 412") @RestHeader("If-Match") String ifMatch,
            JsonNode patch) throws JsonProcessingException {
        return entityTags.written(service.patch(idOrKey, patch, IfMatch.of(ifMatch)));
    }

    @DELETE
    @Path("{idOrKey}")
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "deletePage", summary = "Delete a page", description = "Also deletes the page's survey votes.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void delete(@PathParam("idOrKey") String idOrKey,
            @Parameter(
                    description = "ETag of the version you saw; a stale one gets 412") @RestHeader("If-Match") String ifMatch) {
        service.delete(idOrKey, IfMatch.of(ifMatch));
    }
}
