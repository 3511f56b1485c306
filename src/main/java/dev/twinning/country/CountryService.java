package dev.twinning.country;

import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CountryService {

    private final CountryRepository repository;

    public CountryService(CountryRepository repository) {
        this.repository = repository;
    }

    public CountryList list() {
        return new CountryList(repository.listWithCityCounts());
    }
}
