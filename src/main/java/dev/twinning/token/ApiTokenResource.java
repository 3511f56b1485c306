package dev.twinning.token;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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

import dev.twinning.common.paging.Paged;
import dev.twinning.user.Scope;

@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scope.LOGIN)
@SecurityRequirement(name = "basicAuth")
@Tag(name = "API tokens", description = "Scoped tokens for scripts, managed by each staff user for themselves."
        + " Managing tokens needs a login (Basic or single sign-on): a token cannot create or list tokens (403).")
public class ApiTokenResource {

    private final ApiTokenService service;

    public ApiTokenResource(ApiTokenService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiToken", summary = "Create an API token for yourself",
            description = "The answer carries the secret (twn_…), shown only this once; only its SHA-256 is stored."
                    + " Scopes beyond your role are a 400.")
    @APIResponse(responseCode = "201", description = "Created; the answer has the secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApiTokenResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public RestResponse<ApiTokenResponse> create(@NotNull @Valid NewApiToken request) {
        ApiTokenResponse token = service.create(request);
        return RestResponse.ResponseBuilder.<ApiTokenResponse>created(URI.create("/api/v1/tokens/" + token.id()))
                .entity(token)
                .build();
    }

    @GET
    @Operation(operationId = "listApiTokens", summary = "List your API tokens",
            description = "Newest first, without secrets, with when each was last used. Admins list everyone's with"
                    + " ?all=true.")
    @APIResponse(responseCode = "200", description = "One page of tokens")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Paged<ApiTokenResponse> list(@BeanParam ApiTokenQuery query) {
        return service.list(query);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Scope.LOGIN, Scope.ADMIN_NAME})
    @Operation(operationId = "revokeApiToken", summary = "Revoke an API token",
            description = "It stops working at once. Your own tokens; admins (also with an admin-scoped token) any.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void revoke(@Parameter(description = "Token id", example = "4") @PathParam("id") String id) {
        service.revoke(id);
    }
}
