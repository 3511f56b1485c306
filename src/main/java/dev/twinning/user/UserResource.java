package dev.twinning.user;

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

import dev.twinning.common.etag.EntityTags;
import dev.twinning.common.etag.IfMatch;
import dev.twinning.common.paging.Paged;
import dev.twinning.common.patch.MergePatch;

@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scope.ADMIN_NAME)
@SecurityRequirement(name = "basicAuth")
@Tag(name = "Users", description = "Staff accounts (admins only)")
public class UserResource {

    private final UserService service;
    private final EntityTags entityTags;

    public UserResource(UserService service, EntityTags entityTags) {
        this.service = service;
        this.entityTags = entityTags;
    }

    @GET
    @Operation(operationId = "listUsers", summary = "List staff accounts", description = "Password hashes are never shown.")
    @APIResponse(responseCode = "200", description = "One page of users")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Paged<UserResponse> list(@BeanParam UserQuery query) {
        return service.list(query);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getUser", summary = "Get one staff account", description = "Addressed by numeric id.")
    @APIResponse(responseCode = "200", description = "The user, with its ETag")
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<UserResponse> get(@Parameter(description = "User id", example = "1") @PathParam("id") String id,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return entityTags.ok(ifNoneMatch, service.get(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUser", summary = "Create a staff account",
            description = "The password is stored as a bcrypt hash.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<UserResponse> create(@NotNull @Valid NewUser request) {
        UserResponse user = service.create(request);
        return RestResponse.ResponseBuilder.<UserResponse>created(URI.create("/api/v1/users/" + user.id())).entity(user)
                .build();
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "changeUser", summary = "Change a staff account's role, enabled flag or password",
            description = "Fields left out stay as they are. The last enabled admin cannot be demoted or disabled (409).")
    @APIResponse(responseCode = "200", description = "The user as stored, with its new ETag")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<UserResponse> change(@Parameter(description = "User id", example = "2") @PathParam("id") String id,
            @Parameter(
                    description = "ETag of the version you edited; a stale one gets 412") @RestHeader("If-Match") String ifMatch,
            @NotNull @Valid UserChange change) {
        return entityTags.written(service.change(id, change, IfMatch.of(ifMatch)));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteUser", summary = "Delete a staff account",
            description = "The account can no longer log in; its name stays on what it created and in the audit log. "
                    + "The last enabled admin cannot be deleted (409).")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public void delete(@Parameter(description = "User id", example = "2") @PathParam("id") String id,
            @Parameter(
                    description = "ETag of the version you saw; a stale one gets 412") @RestHeader("If-Match") String ifMatch) {
        service.delete(id, IfMatch.of(ifMatch));
    }
}
