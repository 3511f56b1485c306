package dev.twinning.signatory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import dev.twinning.common.paging.Sorting;

@ApplicationScoped
public class SignatoryRepository implements PanacheRepository<Signatory> {

    private static final String WITH_CITY = "select s from Signatory s join fetch s.city c";
    private static final Map<String, String> SORT_FIELDS = Map.of("name", "s.name", "city", "c.name");

    public List<Signatory> listPage(String sort, int page, int size) {
        return find(WITH_CITY + Sorting.orderBy(sort, "name", SORT_FIELDS, "s.id")).page(page, size).list();
    }

    public Optional<Signatory> findWithCity(long id) {
        return find(WITH_CITY + " where s.id = ?1", id).firstResultOptional();
    }
}
