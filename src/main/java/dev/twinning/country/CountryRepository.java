package dev.twinning.country;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CountryRepository implements PanacheRepositoryBase<Country, String> {

    public List<CountryResponse> listWithCityCounts() {
        return getEntityManager().createQuery(
                "select new dev.twinning.country.CountryResponse(co.code, co.name, count(ci))"
                        + " from City ci join Country co on co.code = ci.country"
                        + " group by co.code, co.name order by co.name",
                CountryResponse.class).getResultList();
    }
}
