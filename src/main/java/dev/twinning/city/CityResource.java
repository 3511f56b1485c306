package dev.twinning.city;

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

@Path("/api/v1/cities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cities", description = "The home city and its partner cities abroad")
public class CityResource {

    private static final String EXAMPLE = """
            {"name": "Gdańsk", "nativeName": "Gdańsk", "region": "Pomeranian Voivodeship", "country": "PL",
             "population": 486000, "populationYear": 2023, "areaKm2": 262.2, "website": "https://www.gdansk.pl"}""";

    private final CityService service;
    private final EntityTags entityTags;
    private final WorkflowEndpoints workflow;
    private final TranslationService translations;

    public CityResource(CityService service, EntityTags entityTags, TranslationService translations,
            WorkflowEndpoints workflow) {
        this.workflow = workflow;
        this.service = service;
        this.entityTags = entityTags;
        this.translations = translations;
    }

    /** The record's text in every locale: {@code …/translations[/{locale}]}. */
    @Path("{idOrSlug}/translations")
    public TranslationResource translations(
            @Parameter(description = "City id or slug") @PathParam("idOrSlug") String idOrSlug) {
        return new TranslationResource(translations, "cities", idOrSlug);
    }

    /** Publish now or later: {@code POST …/publish}. */
    @Path("{idOrSlug}/publish")
    public PublicationResource.Publish publish(
            @Parameter(description = "City id or slug") @PathParam("idOrSlug") String idOrSlug) {
        return workflow.publish("cities", idOrSlug);
    }

    /** Unpublish now or later: {@code POST …/unpublish}. */
    @Path("{idOrSlug}/unpublish")
    public PublicationResource.Unpublish unpublish(
            @Parameter(description = "City id or slug") @PathParam("idOrSlug") String idOrSlug) {
        return workflow.unpublish("cities", idOrSlug);
    }

    /** Cancel pending schedules: {@code DELETE …/schedule}. */
    @Path("{idOrSlug}/schedule")
    public PublicationResource.Schedule schedule(
            @Parameter(description = "City id or slug") @PathParam("idOrSlug") String idOrSlug) {
        return workflow.schedule("cities", idOrSlug);
    }

    /** The record's history: {@code …/revisions[/{n}[/restore]]}. */
    @Path("{idOrSlug}/revisions")
    public RevisionResource revisions(@Parameter(description = "City id or slug") @PathParam("idOrSlug") String idOrSlug) {
        return workflow.revisions("cities", idOrSlug);
    }

    @GET
    @Operation(operationId = "listCities", summary = "List cities",
            description = "Filter by country, agreement type or name; the home city is listed too.")
    @APIResponse(responseCode = "200", description = "One page of cities")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Paged<CityResponse> list(@BeanParam CityQuery query) {
        return service.list(query);
    }

    @GET
    @Path("{idOrSlug}")
    @Operation(operationId = "getCity", summary = "Get one city with its agreements",
            description = "Addressed by numeric id or by slug. Carries a strong ETag; If-None-Match with it answers 304.")
    @APIResponse(responseCode = "200", description = "The city, with its ETag")
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<CityResponse> get(
            @Parameter(description = "City id or slug", example = "harbin") @PathParam("idOrSlug") String idOrSlug,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return entityTags.ok(ifNoneMatch, service.get(idOrSlug));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "createCity", summary = "Create a city",
            description = "The slug is derived from the English name when absent (with a numeric suffix if taken).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CityRequest.class), examples = @ExampleObject(name = "Gdańsk", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new city",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CityResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<CityResponse> create(@NotNull @Valid CityRequest request) {
        CityResponse city = service.create(request);
        return entityTags.created(URI.create("/api/v1/cities/" + city.slug()), city);
    }

    @PUT
    @Path("{idOrSlug}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "replaceCity", summary = "Replace a city",
            description = "Every field is replaced; an absent optional field becomes empty, an absent slug stays as it is.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CityRequest.class), examples = @ExampleObject(name = "Gdańsk", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The city as stored, with its new ETag")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<CityResponse> replace(
            @Parameter(description = "City id or slug") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(
                    description = "ETag of the version you edited; a stale one gets 412") @RestHeader("If-Match") String ifMatch,
            @NotNull @Valid CityRequest request) {
        return entityTags.written(service.replace(idOrSlug, request, IfMatch.of(ifMatch)));
    }

    @PATCH
    @Path("{idOrSlug}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "patchCity", summary = "Change some fields of a city",
            description = "JSON Merge Patch (RFC 7396) over the CityRequest fields: members present replace, null removes an optional field. The result is validated as a whole.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = Object.class),
            examples = @ExampleObject(name = "population", value = "{\"population\": 9910000, \"website\": null}")))
    @APIResponse(responseCode = "200", description = "The city as stored, with its new ETag")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<CityResponse> patch(@Parameter(description = "City id or slug") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(
                    description = "ETag of the version you edited; a stale one gets 412") @RestHeader("If-Match") String ifMatch,
            JsonNode patch) throws JsonProcessingException {
        return entityTags.written(service.patch(idOrSlug, patch, IfMatch.of(ifMatch)));
    }

    @DELETE
    @Path("{idOrSlug}")
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Operation(operationId = "deleteCity", summary = "Delete a city",
            description = "Refused with 409 while agreements or signatories reference the city.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void delete(@Parameter(description = "City id or slug") @PathParam("idOrSlug") String idOrSlug,
            @Parameter(
                    description = "ETag of the version you saw; a stale one gets 412") @RestHeader("If-Match") String ifMatch) {
        service.delete(idOrSlug, IfMatch.of(ifMatch));
    }
}
