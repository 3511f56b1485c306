package dev.twinning.survey;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.twinning.common.csv.CsvWriter;

/** The survey results of all pages, for analytics scripts. */
@Path("/api/v1/survey")
@Tag(name = "Survey")
public class SurveyOverviewResource {

    private final SurveyService service;

    public SurveyOverviewResource(SurveyService service) {
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    @Operation(operationId = "listSurveyResults", summary = "Get the survey result of every page",
            description = "One aggregate per page, pages without votes included. Send Accept: text/csv for CSV.")
    @APIResponse(responseCode = "200", description = "One aggregate per page", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyResults.class)),
            @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = SurveyResource.RESULT_CSV))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public SurveyResults results(@BeanParam SurveyQuery query) {
        return service.results(query);
    }
}
