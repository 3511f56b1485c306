package dev.twinning.city;

import java.util.Set;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.twinning.agreement.AgreementType;
import dev.twinning.common.error.InputErrors;
import dev.twinning.common.paging.KeysetListQuery;
import dev.twinning.common.query.QueryParams;

/** Filters, sort and paging of {@code GET /api/v1/cities}. */
public class CityQuery extends KeysetListQuery {

    @QueryParam("country")
    @Parameter(description = "ISO 3166-1 alpha-2 country code, case-insensitive", example = "CN")
    public String country;

    @QueryParam("type")
    @Parameter(description = "Only cities with an agreement of this type",
            schema = @Schema(implementation = AgreementType.class))
    public String type;

    @QueryParam("q")
    @Parameter(description = "Text a name (in any locale), the native name or an alias contains, case- and accent-insensitive",
            example = "har")
    public String q;

    @QueryParam("sort")
    @Parameter(
            description = "Comma-separated sort fields, '-' for descending: name, country, population, areaKm2, establishedOn (first agreement), createdAt, updatedAt",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "name"), example = "-population")
    public String sort;

    @Override
    public String sort() {
        return sort;
    }

    @Override
    protected Set<String> sortFields() {
        return CityRepository.SORT_FIELDS.keySet();
    }

    @Override
    protected void checkFilters() {
        filter();
    }

    public CityFilter filter() {
        InputErrors errors = new InputErrors();
        CityFilter filter = new CityFilter(
                errors.attempt(() -> QueryParams.countryCode("country", country)),
                errors.attempt(() -> QueryParams.enumValue("type", type, AgreementType.class)),
                errors.attempt(() -> QueryParams.text("q", q, 200)));
        errors.throwIfAny();
        return filter;
    }
}
