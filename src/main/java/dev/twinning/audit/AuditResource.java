package dev.twinning.audit;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Variant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.twinning.common.csv.CsvWriter;
import dev.twinning.user.Scope;

@Path("/api/v1/audit")
@RolesAllowed(Scope.ADMIN_NAME)
@SecurityRequirement(name = "basicAuth")
@Tag(name = "Audit log", description = "Who changed what and when (admins only)")
public class AuditResource {

    static final String CSV_EXAMPLE = "at,user,action,collection,id,revision,requestId\r\n"
            + "2026-05-20T08:15:02.418Z,admin,UPDATE,users,3,,3f1c2a9e-8d7b-4e61-9a0c-5b2d7e4f1a20\r\n"
            + "2026-05-20T08:00:00.051Z,system,IMPORT,,,,\r\n";
    /** JSON unless the client prefers CSV. */
    private static final List<Variant> VARIANTS = Variant
            .mediaTypes(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(CsvWriter.TEXT_CSV)).build();

    private final AuditService service;

    public AuditResource(AuditService service) {
        this.service = service;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    @Operation(operationId = "listAuditEntries", summary = "List audit entries, newest first",
            description = "Every change to content, media, users, tokens and webhooks, every publication and import, with "
                    + "who made it and the request's X-Request-Id. Send Accept: text/csv for every matching entry as CSV "
                    + "(page and size then do not apply). Entries can be added, never changed or removed.")
    @APIResponse(responseCode = "200", description = "One page of entries, or all matching entries as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditEntries.class)),
            @Content(mediaType = CsvWriter.TEXT_CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE))})
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public AuditEntries list(@BeanParam AuditQuery query, @Context Request request) {
        Variant chosen = request.selectVariant(VARIANTS);
        boolean csv = chosen != null && chosen.getMediaType().isCompatible(MediaType.valueOf(CsvWriter.TEXT_CSV));
        return csv ? service.listAll(query) : service.list(query);
    }
}
