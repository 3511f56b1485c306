package dev.twinning.agreement;

import java.util.Set;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.twinning.common.error.InputErrors;
import dev.twinning.common.paging.KeysetListQuery;
import dev.twinning.common.query.QueryParams;

/** Filters, sort and paging of {@code GET /api/v1/agreements}. */
public class AgreementQuery extends KeysetListQuery {

    @QueryParam("country")
    @Parameter(description = "The partner city's ISO 3166-1 alpha-2 country code, case-insensitive", example = "CN")
    public String country;

    @QueryParam("type")
    @Parameter(schema = @Schema(implementation = AgreementType.class))
    public String type;

    @QueryParam("status")
    @Parameter(schema = @Schema(implementation = AgreementStatus.class))
    public String status;

    @QueryParam("establishedFrom")
    @Parameter(description = "Established on or after this date", schema = @Schema(type = SchemaType.STRING, format = "date"),
            example = "2000-01-01")
    public String establishedFrom;

    @QueryParam("establishedTo")
    @Parameter(description = "Established on or before this date", schema = @Schema(type = SchemaType.STRING, format = "date"),
            example = "2009-12-31")
    public String establishedTo;

    @QueryParam("sort")
    @Parameter(
            description = "Comma-separated sort fields, '-' for descending: establishedOn, partnerCity, country, type, status",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "establishedOn"), example = "-establishedOn")
    public String sort;

    @Override
    public String sort() {
        return sort;
    }

    @Override
    protected Set<String> sortFields() {
        return AgreementRepository.SORT_FIELDS.keySet();
    }

    @Override
    protected void checkFilters() {
        filter();
    }

    public AgreementFilter filter() {
        InputErrors errors = new InputErrors();
        AgreementFilter filter = new AgreementFilter(
                errors.attempt(() -> QueryParams.countryCode("country", country)),
                errors.attempt(() -> QueryParams.enumValue("type", type, AgreementType.class)),
                errors.attempt(() -> QueryParams.enumValue("status", status, AgreementStatus.class)),
                errors.attempt(() -> QueryParams.date("establishedFrom", establishedFrom)),
                errors.attempt(() -> QueryParams.date("establishedTo", establishedTo)));
        if (filter.establishedFrom() != null && filter.establishedTo() != null
                && filter.establishedFrom().isAfter(filter.establishedTo())) {
            errors.add("establishedFrom", "must not be after establishedTo");
        }
        errors.throwIfAny();
        return filter;
    }
}
