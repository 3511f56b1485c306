package dev.twinning.webhook;

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
import dev.twinning.common.paging.NewestFirstQuery;
import dev.twinning.common.paging.Paged;
import dev.twinning.common.patch.MergePatch;
import dev.twinning.user.Scope;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scope.ADMIN_NAME)
@SecurityRequirement(name = "basicAuth")
@Tag(name = "Webhooks", description = "Signed change notifications (Standard Webhooks) to other systems, such as a"
        + " static site's rebuild (admins only)")
public class WebhookResource {

    private static final String ID = "Webhook id";

    private final WebhookService service;
    private final EntityTags entityTags;

    public WebhookResource(WebhookService service, EntityTags entityTags) {
        this.service = service;
        this.entityTags = entityTags;
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhook endpoints", description = "Newest first; no secrets.")
    @APIResponse(responseCode = "200", description = "One page of endpoints")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Paged<WebhookResponse> list(@BeanParam NewestFirstQuery query) {
        return service.list(query);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Register a webhook endpoint",
            description = "Events are sent as JSON POSTs signed as Standard Webhooks v1 (headers webhook-id,"
                    + " webhook-timestamp, webhook-signature) after the change commits. The answer carries the signing"
                    + " secret, shown only this once. The URL must be http or https and resolve to public addresses"
                    + " (unless TWINNING_WEBHOOK_ALLOW_PRIVATE_TARGETS=true).")
    @APIResponse(responseCode = "201", description = "Registered; Location names it; the answer has its secret",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = WebhookResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public RestResponse<WebhookResponse> create(@NotNull @Valid WebhookRequest request) {
        WebhookResponse webhook = service.create(request);
        return RestResponse.ResponseBuilder.<WebhookResponse>created(URI.create("/api/v1/webhooks/" + webhook.id()))
                .entity(webhook)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "Get one webhook endpoint", description = "Without its secret.")
    @APIResponse(responseCode = "200", description = "The endpoint, with its ETag")
    @APIResponse(responseCode = "304", ref = "NotModified")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<WebhookResponse> get(@Parameter(description = ID, example = "1") @PathParam("id") String id,
            @RestHeader("If-None-Match") String ifNoneMatch) {
        return entityTags.ok(ifNoneMatch, service.get(id));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "changeWebhook", summary = "Change a webhook endpoint",
            description = "Fields left out stay as they are. enabled=false stops deliveries (changes meanwhile are not"
                    + " queued for it; pending deliveries wait); enabled=true resumes them, also after the endpoint"
                    + " answered 410 Gone.")
    @APIResponse(responseCode = "200", description = "The endpoint as stored, with its new ETag")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RestResponse<WebhookResponse> change(@Parameter(description = ID, example = "1") @PathParam("id") String id,
            @Parameter(
                    description = "ETag of the version you edited; a stale one gets 412") @RestHeader("If-Match") String ifMatch,
            @NotNull @Valid WebhookChange change) {
        return entityTags.written(service.change(id, change, IfMatch.of(ifMatch)));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook endpoint",
            description = "Its deliveries log goes with it; deliveries not yet made are dropped.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void delete(@Parameter(description = ID, example = "1") @PathParam("id") String id,
            @Parameter(
                    description = "ETag of the version you saw; a stale one gets 412") @RestHeader("If-Match") String ifMatch) {
        service.delete(id, IfMatch.of(ifMatch));
    }

    @POST
    @Path("{id}/secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a webhook endpoint's signing secret",
            description = "Answers the new secret, shown only this once. For 24 hours deliveries carry two signatures,"
                    + " one with each secret, so the receiver can switch without losing deliveries.")
    @APIResponse(responseCode = "200", description = "The new secret")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public WebhookSecret rotate(@Parameter(description = ID, example = "1") @PathParam("id") String id) {
        return service.rotate(id);
    }

    @POST
    @Path("{id}/ping")
    @Operation(operationId = "pingWebhook", summary = "Send a webhook.ping to an endpoint",
            description = "Queues a delivery of the event webhook.ping, whatever the endpoint subscribes to, and answers"
                    + " it; its outcome shows in the deliveries log within seconds.")
    @APIResponse(responseCode = "202", description = "Queued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<DeliveryResponse> ping(@Parameter(description = ID, example = "1") @PathParam("id") String id) {
        return RestResponse.accepted(service.ping(id));
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "An endpoint's deliveries log",
            description = "Newest first, each delivery with every attempt: status code, error, duration, and when the"
                    + " next attempt is due. Failed attempts are retried after about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h"
                    + " and 10 h.")
    @APIResponse(responseCode = "200", description = "One page of deliveries")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Paged<DeliveryResponse> deliveries(@Parameter(description = ID, example = "1") @PathParam("id") String id,
            @BeanParam DeliveryQuery query) {
        return service.deliveries(id, query);
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/retry")
    @Operation(operationId = "retryWebhookDelivery", summary = "Attempt a delivery again now",
            description = "For a delivery that failed, or to send one again; the webhook-id stays the same.")
    @APIResponse(responseCode = "202", description = "Due now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryResponse.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public RestResponse<DeliveryResponse> retry(@Parameter(description = ID, example = "1") @PathParam("id") String id,
            @Parameter(description = "Delivery id", example = "42") @PathParam("deliveryId") String deliveryId) {
        return RestResponse.accepted(service.retry(id, deliveryId));
    }
}
