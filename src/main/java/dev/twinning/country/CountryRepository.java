package dev.twinning.country;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CountryRepository implements PanacheRepositoryBase<Country, String> {

    /** Every country code that has cities, with how many. */
    public Map<String, Long> cityCounts() {
        List<Object[]> rows = getEntityManager()
                .createQuery("select ci.country, count(ci) from City ci group by ci.country", Object[].class)
                .getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }
}
