package dev.twinning.page;

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

@Path("/api/v1/pages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pages", description = "Pages of the public site")
public class PageResource {

    private final PageService service;
    private final EntityTags entityTags;

    public PageResource(PageService service, EntityTags entityTags) {
        this.service = service;
        this.entityTags = entityTags;
    }

    @GET
    @Operation(operationId = "listPages", summary = "List pages",
            description = "Page metadata; fetch one page for its agreements and survey result.")
    @APIResponse(responseCode = "200", description = "One page of pages")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
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
    @APIResponse(responseCode = "406", ref = "NotAcceptable")
    public RestResponse<PageResponse> get(
            @Parameter(description = "Page id or key", example = "friendship-cities") @PathParam("idOrKey") String idOrKey,
            @Context Request request) {
        return entityTags.ok(request, service.get(idOrKey));
    }
}
