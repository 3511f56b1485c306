package dev.twinning.workflow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
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

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.twinning.common.etag.IfMatch;
import dev.twinning.content.Workflow;
import dev.twinning.user.Scope;

/**
 * Publishing a record, reached through each content collection's resource:
 * {@code POST …/{idOrKey}/publish}, {@code POST …/{idOrKey}/unpublish} and {@code DELETE …/{idOrKey}/schedule}.
 */
@Tag(name = "Publishing", description = "Drafts, publishing now or on a schedule, and unpublishing")
public final class PublicationResource {

    private static final String SCHEDULE_EXAMPLE = "{\"at\": \"2027-01-05T01:00:00Z\"}";

    private PublicationResource() {
    }

    /** What publish and unpublish share: the record they act on and how they read their body. */
    abstract static class Transition {

        private final Workflow workflow;
        private final ObjectMapper mapper;
        private final String collection;
        private final String idOrKey;

        Transition(Workflow workflow, ObjectMapper mapper, String collection, String idOrKey) {
            this.workflow = workflow;
            this.mapper = mapper;
            this.collection = collection;
            this.idOrKey = idOrKey;
        }

        RestResponse<Object> act(String ifMatch, String body, boolean publish) {
            PublicationRequest request = PublicationRequest.parse(body, mapper);
            Workflow.Tagged tagged = publish
                    ? workflow.publish(collection, idOrKey, IfMatch.of(ifMatch), request.at())
                    : workflow.unpublish(collection, idOrKey, IfMatch.of(ifMatch), request.at());
            RestResponse.Status status = request.at() == null ? RestResponse.Status.OK : RestResponse.Status.ACCEPTED;
            return RestResponse.ResponseBuilder.create(status, tagged.body()).tag(tagged.tag()).build();
        }
    }

    /** {@code POST …/publish}. */
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Tag(name = "Publishing")
    public static class Publish extends Transition {

        public Publish(Workflow workflow, ObjectMapper mapper, String collection, String idOrKey) {
            super(workflow, mapper, collection, idOrKey);
        }

        @POST
        @Operation(operationId = "publishRecord", summary = "Publish the working copy, now or later",
                description = "No body (or {}) publishes now: 200 with the record as its preview shows it. {\"at\": …} schedules it: 202. "
                        + "Records it names (an agreement's cities and signatories, a signatory's city) must be published first (409).")
        @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = PublicationRequest.class),
                examples = {@ExampleObject(name = "now", value = "{}"),
                        @ExampleObject(name = "later", value = SCHEDULE_EXAMPLE)}))
        @APIResponse(responseCode = "200", description = "Published; the working copy with its publication",
                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContentRecord")))
        @APIResponse(responseCode = "202", description = "Scheduled; the working copy with its publication",
                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContentRecord")))
        @APIResponse(responseCode = "400", ref = "BadRequest")
        @APIResponse(responseCode = "404", ref = "NotFound")
        @APIResponse(responseCode = "409", ref = "Conflict")
        public RestResponse<Object> publish(@Parameter(
                description = "ETag of the working copy (its preview); a stale one gets 412") @RestHeader("If-Match") String ifMatch,
                String body) {
            return act(ifMatch, body, true);
        }
    }

    /** {@code POST …/unpublish}. */
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Tag(name = "Publishing")
    public static class Unpublish extends Transition {

        public Unpublish(Workflow workflow, ObjectMapper mapper, String collection, String idOrKey) {
            super(workflow, mapper, collection, idOrKey);
        }

        @POST
        @Operation(operationId = "unpublishRecord", summary = "Take the record off the public site, now or later",
                description = "No body (or {}) unpublishes now: 200. {\"at\": …} schedules it: 202. The working copy stays. "
                        + "Refused (409) while published records name it.")
        @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                schema = @Schema(implementation = PublicationRequest.class),
                examples = {@ExampleObject(name = "now", value = "{}"),
                        @ExampleObject(name = "later", value = SCHEDULE_EXAMPLE)}))
        @APIResponse(responseCode = "200", description = "Unpublished; the working copy with its publication",
                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContentRecord")))
        @APIResponse(responseCode = "202", description = "Scheduled; the working copy with its publication",
                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ContentRecord")))
        @APIResponse(responseCode = "400", ref = "BadRequest")
        @APIResponse(responseCode = "404", ref = "NotFound")
        @APIResponse(responseCode = "409", ref = "Conflict")
        public RestResponse<Object> unpublish(@Parameter(
                description = "ETag of the working copy (its preview); a stale one gets 412") @RestHeader("If-Match") String ifMatch,
                String body) {
            return act(ifMatch, body, false);
        }
    }

    /** {@code DELETE …/schedule}. */
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Scope.CONTENT_WRITE_NAME)
    @SecurityRequirement(name = "basicAuth")
    @Tag(name = "Publishing")
    public static class Schedule {

        private final Workflow workflow;
        private final String collection;
        private final String idOrKey;

        public Schedule(Workflow workflow, String collection, String idOrKey) {
            this.workflow = workflow;
            this.collection = collection;
            this.idOrKey = idOrKey;
        }

        @DELETE
        @Operation(operationId = "cancelRecordSchedule", summary = "Cancel pending scheduled publication and unpublication",
                description = "The record stays as it is now, published or not.")
        @APIResponse(responseCode = "204", description = "No schedule is pending; the ETag header is the working copy's")
        @APIResponse(responseCode = "404", ref = "NotFound")
        public RestResponse<Void> cancel(@Parameter(
                description = "ETag of the working copy (its preview); a stale one gets 412") @RestHeader("If-Match") String ifMatch) {
            return RestResponse.ResponseBuilder.<Void>noContent()
                    .tag(workflow.cancelSchedule(collection, idOrKey, IfMatch.of(ifMatch)))
                    .build();
        }
    }

}
