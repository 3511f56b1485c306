package dev.twinning.country;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/countries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Countries", description = "Countries that have cities")
public class CountryResource {

    private final CountryService service;

    public CountryResource(CountryService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listCountries", summary = "List countries that have cities, with counts",
            description = "Named from CLDR in the request's locale (CN is 중국 in ko) and sorted by that name.")
    @APIResponse(responseCode = "200", description = "The countries")
    public CountryList list() {
        return service.list();
    }
}
