package dev.twinning.seed;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.twinning.agreement.Agreement;
import dev.twinning.agreement.AgreementStatus;
import dev.twinning.city.City;
import dev.twinning.page.Page;
import dev.twinning.signatory.Signatory;
import dev.twinning.survey.SurveyVote;

/** Loads a {@link SeedDocument} into an empty database, all of it or nothing. */
@ApplicationScoped
public class SeedImporter {

    /** Serialises concurrent start-ups of several instances on one database. */
    private static final long SEED_LOCK = 0x7477696e6e696e67L;

    private final EntityManager em;

    public SeedImporter(EntityManager em) {
        this.em = em;
    }

    /** Imports the document unless the database already holds cities; returns whether it did. */
    @Transactional
    public boolean importIntoEmptyDatabase(SeedDocument document) {
        em.createNativeQuery("select pg_advisory_xact_lock(" + SEED_LOCK + ")").getResultList();
        if (em.createQuery("select count(c) from City c", Long.class).getSingleResult() > 0) {
            return false;
        }
        Map<String, City> cities = new HashMap<>();
        document.cities().forEach(seed -> cities.put(seed.slug(), persist(city(seed))));
        Map<String, Signatory> signatories = new HashMap<>();
        document.signatories().forEach(seed -> signatories.put(seed.ref(), persist(signatory(seed, cities))));
        Map<String, Agreement> agreements = new HashMap<>();
        document.agreements().forEach(seed -> agreements.put(seed.ref(), persist(agreement(seed, cities, signatories))));
        document.pages().forEach(seed -> importPage(seed, agreements));
        return true;
    }

    private static City city(SeedDocument.CitySeed seed) {
        City city = new City();
        city.slug = seed.slug();
        city.name = seed.name();
        city.nativeName = seed.nativeName();
        city.region = seed.region();
        city.country = seed.country();
        city.population = seed.population();
        city.populationYear = seed.populationYear();
        city.areaKm2 = seed.areaKm2();
        city.averageTemperatureC = seed.averageTemperatureC();
        city.location = seed.location();
        city.description = seed.description();
        city.regionalFeatures = seed.regionalFeatures();
        city.website = seed.website();
        city.latitude = seed.latitude();
        city.longitude = seed.longitude();
        return city;
    }

    private static Signatory signatory(SeedDocument.SignatorySeed seed, Map<String, City> cities) {
        Signatory signatory = new Signatory();
        signatory.name = seed.name();
        signatory.nativeName = seed.nativeName();
        signatory.title = seed.title();
        signatory.city = resolve(cities, seed.city(), "city");
        return signatory;
    }

    private static Agreement agreement(SeedDocument.AgreementSeed seed, Map<String, City> cities,
            Map<String, Signatory> signatories) {
        Agreement agreement = new Agreement();
        agreement.homeCity = resolve(cities, seed.homeCity(), "city");
        agreement.partnerCity = resolve(cities, seed.partnerCity(), "city");
        agreement.type = seed.type();
        agreement.status = seed.status() == null ? AgreementStatus.ACTIVE : seed.status();
        agreement.establishedOn = seed.establishedOn();
        agreement.notes = seed.notes();
        orEmpty(seed.signatories()).forEach(ref -> agreement.signatories.add(resolve(signatories, ref, "signatory")));
        return agreement;
    }

    private void importPage(SeedDocument.PageSeed seed, Map<String, Agreement> agreements) {
        Page page = new Page();
        page.key = seed.key();
        page.title = seed.title();
        page.body = seed.body();
        orEmpty(seed.agreements()).forEach(ref -> page.agreements.add(resolve(agreements, ref, "agreement")));
        persist(page);
        if (seed.votes() != null) {
            seed.votes().forEach((rating, count) -> {
                for (int i = 0; i < count; i++) {
                    SurveyVote vote = new SurveyVote();
                    vote.page = page;
                    vote.rating = rating;
                    persist(vote);
                }
            });
        }
    }

    private <T> T persist(T entity) {
        em.persist(entity);
        return entity;
    }

    private static <T> T resolve(Map<String, T> known, String ref, String kind) {
        T found = known.get(ref);
        if (found == null) {
            throw new IllegalArgumentException("The document names an unknown " + kind + " '" + ref + "'");
        }
        return found;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
