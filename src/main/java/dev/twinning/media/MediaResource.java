package dev.twinning.media;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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

@Path("/api/v1/media")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Media", description = "Images: uploaded once, served re-encoded in preset widths")
public class MediaResource {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private final MediaService service;
    private final EntityTags entityTags;
    private final TranslationService translations;

    public MediaResource(MediaService service, EntityTags entityTags, TranslationService translations) {
        this.service = service;
        this.entityTags = entityTags;
        this.translations = translations;
    }

    /** The image's alt text and caption in every locale: {@code …/translations[/{locale}]}. */
    @Path("{id}/translations")
    public TranslationResource translations(@Parameter(description = "Image id") @PathParam("id") String id) {
        return new TranslationResource(translations, "media", id);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "uploadMedia", summary = "Upload an image",
            description = "JPEG, PNG or WebP, recognised by content; at most TWINNING_MEDIA_MAX_BYTES (10 MB), 10,000 pixels a side "
                    + "and 40 megapixels. Every size is made now, re-encoded without metadata and upright; WebP uploads are served "
                    + "as JPEG (or PNG when transparent).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = MediaUpload.class)))
    @APIResponse(responseCode = "201", description = "Stored; Location names the image",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public RestResponse<MediaResponse> upload(MediaUpload upload) {
        MediaResponse image = service.upload(upload);
        return entityTags.created(URI.create("/api/v1/media/" + image.id()), image);
    }

    @GET
    @Operation(operationId = "listMedia", summary = "List images", description = "Newest first by default.")
    @APIResponse(responseCode = "200", description = "One page of images")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Paged<MediaResponse> list(@BeanParam MediaQuery query) {
        return service.list(query);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getMedia", summary = "Get one image's facts, texts and sizes",
            description = "Texts in the request's locale; variants list every size with its URL, for srcset.")
    @APIResponse(responseCode = "200", description = "The image, with its ETag")
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<MediaResponse> get(@Parameter(description = "Image id", example = "7") @PathParam("id") String id,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return entityTags.ok(ifNoneMatch, service.get(id));
    }

    @GET
    @Path("{id}/content")
    @Produces({"image/jpeg", "image/png"})
    @Operation(operationId = "getMediaContent", summary = "Get the image itself",
            description = "Re-encoded with no metadata, upright, in a preset width (never enlarged), or at its own size (at most 1920 pixels wide). "
                    + "Immutable: cache it for a year. Errors are problem+json whatever Accept says.")
    @APIResponse(responseCode = "200", description = "The image", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response content(@Parameter(description = "Image id", example = "7") @PathParam("id") String id,
            @Parameter(description = "One of 160, 320, 640, 1280, 1920", schema = @Schema(type = SchemaType.INTEGER,
                    enumeration = {"160", "320", "640", "1280", "1920"})) @QueryParam("width") String width,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        MediaService.Content content = service.content(id, width);
        if (EntityTags.matches(ifNoneMatch, content.etag())) {
            return Response.notModified().header("ETag", content.etag()).header("Cache-Control", IMMUTABLE).build();
        }
        MediaStore.StoredFile file = service.bytes(content);
        return Response.ok(file.data(), file.contentType())
                .header("ETag", content.etag()).header("Cache-Control", IMMUTABLE).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "replaceMedia", summary = "Replace an image's texts (default locale)",
            description = "alt, caption and credit; an absent one becomes empty. Other locales: the image's translations.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = MediaRequest.class),
            examples = @ExampleObject(name = "texts",
                    value = "{\"alt\": \"St. Sophia Cathedral\", \"credit\": \"City of Harbin\"}")))
    @APIResponse(responseCode = "200", description = "The image, with its new ETag")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<MediaResponse> replace(@Parameter(description = "Image id") @PathParam("id") String id,
            @Parameter(
                    description = "ETag of the version you edited; a stale one gets 412") @RestHeader("If-Match") String ifMatch,
            @NotNull @Valid MediaRequest request) {
        return entityTags.written(service.replace(id, request, IfMatch.of(ifMatch)));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "patchMedia", summary = "Change some of an image's texts (JSON Merge Patch)",
            description = "Members present replace, null removes (RFC 7396).")
    @RequestBody(required = true,
            content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = Object.class),
                    examples = @ExampleObject(name = "credit", value = "{\"credit\": null}")))
    @APIResponse(responseCode = "200", description = "The image, with its new ETag")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<MediaResponse> patch(@Parameter(description = "Image id") @PathParam("id") String id,
            @Parameter(
                    description = "ETag of the version you edited; a stale one gets 412") @RestHeader("If-Match") String ifMatch,
            JsonNode patch) throws JsonProcessingException {
        return entityTags.written(service.patch(id, patch, IfMatch.of(ifMatch)));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "deleteMedia", summary = "Delete an image",
            description = "Refused with 409 while a city or page shows it.")
    @APIResponse(responseCode = "204", description = "Deleted, with every size")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void delete(@Parameter(description = "Image id") @PathParam("id") String id,
            @Parameter(
                    description = "ETag of the version you saw; a stale one gets 412") @RestHeader("If-Match") String ifMatch) {
        service.delete(id, IfMatch.of(ifMatch));
    }
}
