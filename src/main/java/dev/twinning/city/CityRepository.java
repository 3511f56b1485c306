package dev.twinning.city;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import dev.twinning.common.i18n.Collations;
import dev.twinning.common.i18n.ContentLocale;
import dev.twinning.common.paging.Sorting;
import dev.twinning.common.query.Filter;
import dev.twinning.common.query.Ids;

@ApplicationScoped
public class CityRepository implements PanacheRepository<City> {

    static final Map<String, String> SORT_FIELDS = Map.of(
            "name", "c.name",
            "country", "c.country",
            "population", "c.population",
            "areaKm2", "c.areaKm2",
            "establishedOn", "(select min(a.establishedOn) from Agreement a where a.partnerCity = c)",
            "createdAt", "c.createdAt",
            "updatedAt", "c.updatedAt");

    private final Collations collations;

    public CityRepository(Collations collations) {
        this.collations = collations;
    }

    public List<City> search(CityFilter filter, String sort, ContentLocale locale, int page, int size) {
        Filter where = where(filter);
        String orderBy = Sorting.orderBy(sort, "name", collations.localize(SORT_FIELDS, "name", "c", locale), "c.id");
        return find("select c from City c" + where.where() + orderBy, where.parameters()).page(page, size).list();
    }

    /** Keyset paging: the next {@code size} cities after the given id, in id order. */
    public List<City> searchAfter(CityFilter filter, long after, int size) {
        Filter where = where(filter).and("c.id > :after", "after", after);
        return find("select c from City c" + where.where() + " order by c.id", where.parameters()).page(0, size).list();
    }

    public long count(CityFilter filter) {
        Filter where = where(filter);
        return count("from City c" + where.where(), where.parameters());
    }

    /** A number finds by id, anything else by slug (slugs are lower case, so any case finds them). */
    public Optional<City> findByIdOrSlug(String idOrSlug) {
        Optional<Long> id = Ids.parse(idOrSlug);
        if (id.isPresent()) {
            return findByIdOptional(id.get());
        }
        String slug = idOrSlug.toLowerCase(Locale.ROOT);
        return Ids.isKey(slug) ? find("slug", slug).firstResultOptional() : Optional.empty();
    }

    public Optional<City> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public boolean existsBySlug(String slug) {
        return count("slug", slug) > 0;
    }

    private static Filter where(CityFilter filter) {
        return new Filter()
                .and("c.country = :country", "country", filter.country())
                .and("exists (select 1 from Agreement a where a.partnerCity = c and a.type = :type)", "type", filter.type())
                .and("c.searchText like :q escape '\\'", "q",
                        filter.q() == null ? null : SearchText.containsPattern(filter.q()));
    }
}
