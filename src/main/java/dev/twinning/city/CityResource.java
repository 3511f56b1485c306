package dev.twinning.city;

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

@Path("/api/v1/cities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cities", description = "The home city and its partner cities abroad")
public class CityResource {

    private final CityService service;
    private final EntityTags entityTags;

    public CityResource(CityService service, EntityTags entityTags) {
        this.service = service;
        this.entityTags = entityTags;
    }

    @GET
    @Operation(operationId = "listCities", summary = "List cities",
            description = "Filter by country, agreement type or name; the home city is listed too.")
    @APIResponse(responseCode = "200", description = "One page of cities")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
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
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public RestResponse<CityResponse> get(
            @Parameter(description = "City id or slug", example = "harbin") @PathParam("idOrSlug") String idOrSlug,
            @Context Request request) {
        return entityTags.ok(request, service.get(idOrSlug));
    }
}
