package dev.twinning.city;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.twinning.agreement.AgreementRepository;
import dev.twinning.agreement.AgreementResponse;
import dev.twinning.common.error.ResourceNotFoundException;
import dev.twinning.common.paging.Paged;

@ApplicationScoped
public class CityService {

    private final CityRepository cities;
    private final AgreementRepository agreements;

    public CityService(CityRepository cities, AgreementRepository agreements) {
        this.cities = cities;
        this.agreements = agreements;
    }

    public Paged<CityResponse> list(CityQuery query) {
        CityFilter filter = query.filter();
        int page = query.pageNumber();
        int size = query.pageSize();
        List<CityResponse> items = cities.search(filter, query.sort, page, size).stream()
                .map(CityResponse::from)
                .toList();
        return new Paged<>(items, page, size, cities.count(filter));
    }

    public CityResponse get(String idOrSlug) {
        City city = cities.findByIdOrSlug(idOrSlug)
                .orElseThrow(() -> new ResourceNotFoundException("city", idOrSlug));
        List<AgreementResponse> cityAgreements = agreements.listByCity(city).stream()
                .map(AgreementResponse::from)
                .toList();
        return CityResponse.withAgreements(city, cityAgreements);
    }
}
