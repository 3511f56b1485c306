package dev.twinning.city;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;

import dev.twinning.common.i18n.ContentLocales;
import dev.twinning.content.WorkingCopy;

@QuarkusTest
class CityRepositoryTest {

    @Inject
    CityRepository repository;

    @Inject
    ContentLocales locales;

    @Test
    @TestTransaction
    @WorkingCopy
    void nameSearchIgnoresAccentsAndCase() {
        persist("sao-paulo-test", "São Paulo");
        persist("da-nang-test", "Đà Nẵng");

        assertThat(names(repository.search(new CityFilter(null, null, "SAO PAU"), null, locales.defaultLocale(), 0, 20)))
                .containsExactly("São Paulo");
        assertThat(names(repository.search(new CityFilter(null, null, "da nang"), null, locales.defaultLocale(), 0, 20)))
                .containsExactly("Đà Nẵng");
        assertThat(names(repository.search(new CityFilter(null, null, "NẴNG"), null, locales.defaultLocale(), 0, 20)))
                .containsExactlyInAnyOrder("Danang", "Đà Nẵng");
    }

    @Test
    void countMatchesTheFilteredList() {
        CityFilter chinese = new CityFilter("CN", null, null);
        assertThat(repository.count(chinese))
                .isEqualTo(repository.search(chinese, null, locales.defaultLocale(), 0, 100).size()).isEqualTo(7);
    }

    private void persist(String slug, String name) {
        City city = new City();
        city.slug = slug;
        city.name = name;
        city.country = "BR";
        repository.persist(city);
    }

    private static List<String> names(List<City> cities) {
        return cities.stream().map(c -> c.name).toList();
    }
}
