package dev.twinning.transfer;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.twinning.user.Scope;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Scope.ADMIN_NAME)
@SecurityRequirement(name = "basicAuth")
@Tag(name = "Bulk data", description = "Export and import the whole dataset (admins only)")
public class TransferResource {

    private final DatasetExporter exporter;
    private final DatasetImporter importer;

    public TransferResource(DatasetExporter exporter, DatasetImporter importer) {
        this.exporter = exporter;
        this.importer = importer;
    }

    @GET
    @Path("export")
    @Operation(operationId = "exportDataset", summary = "Export the whole dataset",
            description = "Cities, signatories, agreements and pages with their survey vote counts, as one document that import reads back. Users are not exported.")
    @APIResponse(responseCode = "200", description = "The dataset")
    public Dataset export() {
        return exporter.export();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importDataset", summary = "Import a dataset, all or nothing",
            description = "Matches cities by slug, pages by key, agreements by cities and type, signatories by name and city: matches are updated, the rest created. Votes are added only with new pages. Any error leaves the database unchanged. Bodies over 1 MB are refused with 413.")
    @APIResponse(responseCode = "200", description = "What was created and updated")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ImportReport importDataset(@NotNull @Valid Dataset dataset) {
        return importer.importDataset(dataset);
    }
}
