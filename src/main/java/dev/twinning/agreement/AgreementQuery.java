package dev.twinning.agreement;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.twinning.common.error.InvalidParameterException;
import dev.twinning.common.paging.ListQuery;
import dev.twinning.common.query.QueryParams;

/** Filters, sort and paging of {@code GET /api/v1/agreements}. */
public class AgreementQuery extends ListQuery {

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

    public AgreementFilter filter() {
        AgreementFilter filter = new AgreementFilter(
                QueryParams.countryCode("country", country),
                QueryParams.enumValue("type", type, AgreementType.class),
                QueryParams.enumValue("status", status, AgreementStatus.class),
                QueryParams.date("establishedFrom", establishedFrom),
                QueryParams.date("establishedTo", establishedTo));
        if (filter.establishedFrom() != null && filter.establishedTo() != null
                && filter.establishedFrom().isAfter(filter.establishedTo())) {
            throw new InvalidParameterException("establishedFrom", "must not be after establishedTo");
        }
        return filter;
    }
}
