package dev.twinning.signatory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import dev.twinning.city.City;
import dev.twinning.common.i18n.Collations;
import dev.twinning.common.i18n.ContentLocale;
import dev.twinning.common.paging.Sorting;

@ApplicationScoped
public class SignatoryRepository implements PanacheRepository<Signatory> {

    private static final String WITH_CITY = "select s from Signatory s join fetch s.city c";
    static final Map<String, String> SORT_FIELDS = Map.of("name", "s.name", "city", "c.name");

    private final Collations collations;

    public SignatoryRepository(Collations collations) {
        this.collations = collations;
    }

    public List<Signatory> listPage(String sort, ContentLocale locale, int page, int size) {
        Map<String, String> fields = collations.localize(collations.localize(SORT_FIELDS, "name", "s", locale), "city", "c",
                "name",
                locale);
        return find(WITH_CITY + Sorting.orderBy(sort, "name", fields, "s.id")).page(page, size).list();
    }

    public Optional<Signatory> findByNameAndCity(String name, City city) {
        return find("name = ?1 and city = ?2", name, city).firstResultOptional();
    }

    public List<Signatory> listAllWithCity() {
        return find(WITH_CITY + " order by s.id").list();
    }

    public List<Long> idsFromCity(City city) {
        return getEntityManager()
                .createQuery("select s.id from Signatory s where s.city = :city order by s.id", Long.class)
                .setParameter("city", city)
                .getResultList();
    }

    public Optional<Signatory> findWithCity(long id) {
        return find(WITH_CITY + " where s.id = ?1", id).firstResultOptional();
    }
}
