package dev.twinning.survey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestHeader;

import io.vertx.core.http.HttpServerRequest;

import dev.twinning.common.csv.CsvWriter;

@Path("/api/v1/pages/{key}")
@Tag(name = "Survey", description = "The page satisfaction widget: votes in, aggregates out as JSON or CSV")
public class SurveyResource {

    static final String RESULT_CSV = "page,participants,score,VERY_SATISFIED,SATISFIED,AVERAGE,UNSATISFIED,VERY_UNSATISFIED,mean,satisfiedPercent\r\n"
            + "friendship-cities,10,20,10,0,0,0,0,5.0,100.0\r\n";
    private static final String DAILY_CSV = "date,participants,score,VERY_SATISFIED,SATISFIED,AVERAGE,UNSATISFIED,VERY_UNSATISFIED\r\n"
            + "2026-11-21,0,0,0,0,0,0,0\r\n2026-11-22,2,3,1,1,0,0,0\r\n";

    private final SurveyService service;

    public SurveyResource(SurveyService service) {
        this.service = service;
    }

    @POST
    @Path("votes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @Operation(operationId = "votePage", summary = "Vote on a page's satisfaction survey",
            description = "Public. While limits are on, one vote per visitor, page and day (in the survey time zone); the visitor is "
                    + "X-Visitor-Id when sent, else a salted hash of client address and user agent. The raw address is never stored.")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VoteRequest.class),
                    examples = @ExampleObject(name = "very satisfied", value = "{\"rating\": \"VERY_SATISFIED\"}")))
    @APIResponse(responseCode = "201", description = "Counted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VoteResponse.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "429", ref = "TooManyVotes")
    public VoteResponse vote(
            @Parameter(description = "Page key or id", example = "friendship-cities") @PathParam("key") String key,
            @Parameter(
                    description = "The front end's anonymous visitor id, at most 128 characters") @RestHeader("X-Visitor-Id") String visitorId,
            @Parameter(hidden = true) @RestHeader("User-Agent") String userAgent, @Context HttpServerRequest http,
            @NotNull @Valid VoteRequest request) {
        return service.vote(key, request.rating(), visitorId, http.remoteAddress().hostAddress(), userAgent);
    }

    @GET
    @Path("survey")
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    @Operation(operationId = "getPageSurvey", summary = "Get a page's survey result",
            description = "Score weighs the ratings +2, +1, 0, -1, -2; mean is on the 1-5 scale. Optional inclusive date window. Send Accept: text/csv for CSV.")
    @APIResponse(responseCode = "200", description = "The aggregate", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyResult.class)),
            @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = RESULT_CSV))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SurveyResult result(
            @Parameter(description = "Page key or id", example = "friendship-cities") @PathParam("key") String key,
            @BeanParam SurveyQuery query) {
        return service.result(key, query);
    }

    @GET
    @Path("survey/daily")
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    @Operation(operationId = "getPageSurveyDaily", summary = "Get a page's votes per day",
            description = "Every day of the window, zeros included; the last 30 days when no window is given, at most 366 days. Send Accept: text/csv for CSV.")
    @APIResponse(responseCode = "200", description = "Counts per day", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DailySurvey.class)),
            @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = DAILY_CSV))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DailySurvey daily(
            @Parameter(description = "Page key or id", example = "friendship-cities") @PathParam("key") String key,
            @BeanParam SurveyQuery query) {
        return service.daily(key, query);
    }
}
