package dev.twinning.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;

import dev.twinning.agreement.Agreement;
import dev.twinning.agreement.AgreementRepository;
import dev.twinning.agreement.AgreementStatus;
import dev.twinning.audit.AuditLog;
import dev.twinning.city.City;
import dev.twinning.city.CityRepository;
import dev.twinning.city.CityRequest;
import dev.twinning.common.error.InputErrors;
import dev.twinning.common.i18n.ContentLocale;
import dev.twinning.common.i18n.ContentLocales;
import dev.twinning.common.i18n.TranslatableEntity;
import dev.twinning.common.i18n.TranslatableFields;
import dev.twinning.content.Workflow;
import dev.twinning.content.WorkingCopy;
import dev.twinning.media.ImageSlot;
import dev.twinning.media.ImageSlots;
import dev.twinning.page.Page;
import dev.twinning.page.PageRepository;
import dev.twinning.signatory.Signatory;
import dev.twinning.signatory.SignatoryRepository;
import dev.twinning.survey.SurveyRepository;

/**
 * Loads a {@link Dataset} in one transaction, all of it or nothing: cities are matched by slug, pages by
 * key, agreements by their two cities and type, signatories by name and city; what matches is updated,
 * the rest created. Survey votes are only added with pages the import creates.
 */
@ApplicationScoped
public class DatasetImporter {

    /** Serialises concurrent imports and start-ups of several instances on one database. */
    private static final long IMPORT_LOCK = 0x7477696e6e696e67L;

    private final EntityManager em;
    private final CityRepository cities;
    private final SignatoryRepository signatories;
    private final AgreementRepository agreements;
    private final PageRepository pages;
    private final SurveyRepository votes;
    private final Validator validator;
    private final ContentLocales locales;
    private final ImageSlots imageSlots;
    private final AuditLog audit;
    private final Workflow workflow;

    public DatasetImporter(EntityManager em, CityRepository cities, SignatoryRepository signatories,
            AgreementRepository agreements, PageRepository pages, SurveyRepository votes, Validator validator,
            ContentLocales locales, ImageSlots imageSlots, AuditLog audit, Workflow workflow) {
        this.workflow = workflow;
        this.imageSlots = imageSlots;
        this.locales = locales;
        this.em = em;
        this.cities = cities;
        this.signatories = signatories;
        this.agreements = agreements;
        this.pages = pages;
        this.votes = votes;
        this.validator = validator;
        this.audit = audit;
    }

    /** Imports the dataset unless the database already holds cities (the seed's case). */
    @WorkingCopy
    public Optional<ImportReport> importIntoEmptyDatabase(Dataset dataset) {
        lock();
        return cities.count() > 0 ? Optional.empty() : Optional.of(load(dataset));
    }

    @WorkingCopy
    public ImportReport importDataset(Dataset dataset) {
        lock();
        return load(dataset);
    }

    private ImportReport load(Dataset dataset) {
        Set<ConstraintViolation<Dataset>> violations = validator.validate(dataset);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Run run = new Run();
        for (int i = 0; i < dataset.cities().size(); i++) {
            run.city("cities[" + i + "]", dataset.cities().get(i));
        }
        for (int i = 0; i < dataset.signatories().size(); i++) {
            run.signatory("signatories[" + i + "]", dataset.signatories().get(i));
        }
        for (int i = 0; i < dataset.agreements().size(); i++) {
            run.agreement("agreements[" + i + "]", dataset.agreements().get(i));
        }
        for (int i = 0; i < dataset.pages().size(); i++) {
            run.page("pages[" + i + "]", dataset.pages().get(i));
        }
        if (dataset.translations() != null) {
            run.translations(dataset.translations());
        }
        run.errors.throwIfAny();
        em.flush();
        run.workflow.forEach(step -> workflow.imported(step.collection(), step.record(), step.created(), step.published()));
        audit.record("IMPORT", null, null, null);
        return run.report();
    }

    private void lock() {
        em.createNativeQuery("select pg_advisory_xact_lock(" + IMPORT_LOCK + ")").getResultList();
    }

    /** A record the import wrote, to be given its revision and its publication once all are written. */
    private record ImportedRecord(String collection, Object record, boolean created, boolean published) {
    }

    /** The state of one import: what the document named so far, what was created and updated, what was wrong. */
    private final class Run {

        final InputErrors errors = new InputErrors();
        final Map<String, City> citiesBySlug = new HashMap<>();
        final Map<String, Signatory> signatoriesByRef = new HashMap<>();
        final Map<String, Agreement> agreementsByRef = new HashMap<>();
        final Map<String, Page> pagesByKey = new HashMap<>();
        /** Each record's revision and publication, in the order records may reference each other. */
        final List<ImportedRecord> workflow = new ArrayList<>();
        final int[] created = new int[4];
        final int[] updated = new int[4];
        long votesAdded;

        void city(String path, CityRequest entry) {
            if (entry.slug() == null) {
                errors.add(path + ".slug", "is required in a dataset");
                return;
            }
            if (citiesBySlug.containsKey(entry.slug())) {
                errors.add(path + ".slug", "appears twice in the document");
                return;
            }
            City city = cities.findBySlug(entry.slug()).orElse(null);
            boolean isNew = city == null;
            if (isNew) {
                city = new City();
            }
            entry.applyTo(city);
            City shown = city;
            List<ImageSlot> images = errors.attempt(() -> imageSlots.resolve(entry.images(), shown.images, path + ".images"));
            if (images != null) {
                city.images = images;
            }
            if (isNew) {
                cities.persist(city);
            }
            count(0, isNew);
            citiesBySlug.put(entry.slug(), city);
            workflow.add(new ImportedRecord("cities", city, isNew, !Boolean.FALSE.equals(entry.published())));
        }

        void signatory(String path, Dataset.SignatoryEntry entry) {
            City city = cityNamed(path + ".city", entry.city());
            if (city == null || !unique(signatoriesByRef, entry.ref(), path + ".ref")) {
                return;
            }
            Signatory signatory = signatories.findByNameAndCity(entry.name().trim(), city).orElse(null);
            boolean isNew = signatory == null;
            if (isNew) {
                signatory = new Signatory();
            }
            signatory.name = entry.name().trim();
            signatory.nativeName = entry.nativeName();
            signatory.title = entry.title();
            signatory.city = city;
            if (isNew) {
                signatories.persist(signatory);
            }
            count(1, isNew);
            signatoriesByRef.put(entry.ref(), signatory);
            workflow.add(new ImportedRecord("signatories", signatory, isNew, !Boolean.FALSE.equals(entry.published())));
        }

        void agreement(String path, Dataset.AgreementEntry entry) {
            City home = cityNamed(path + ".homeCity", entry.homeCity());
            City partner = cityNamed(path + ".partnerCity", entry.partnerCity());
            List<Signatory> signed = new ArrayList<>();
            List<String> refs = entry.signatories() == null ? List.of() : entry.signatories();
            for (int i = 0; i < refs.size(); i++) {
                Signatory signatory = signatoriesByRef.get(refs.get(i));
                if (signatory == null) {
                    errors.add(path + ".signatories[" + i + "]", "names no signatory of the document");
                } else if (signed.contains(signatory)) {
                    errors.add(path + ".signatories[" + i + "]", "names the same signatory twice");
                } else {
                    signed.add(signatory);
                }
            }
            if (home != null && home == partner) {
                errors.add(path + ".partnerCity", "must differ from homeCity");
            }
            if (home == null || partner == null || home == partner || !unique(agreementsByRef, entry.ref(), path + ".ref")) {
                return;
            }
            Agreement agreement = agreements.findBetween(home, partner, entry.type()).orElse(null);
            boolean isNew = agreement == null;
            if (!isNew && agreementsByRef.containsValue(agreement)) {
                errors.add(path, "repeats the cities and type of an earlier agreement of the document");
                return;
            }
            if (isNew) {
                agreement = new Agreement();
            }
            agreement.homeCity = home;
            agreement.partnerCity = partner;
            agreement.type = entry.type();
            agreement.status = entry.status() == null ? AgreementStatus.ACTIVE : entry.status();
            agreement.establishedOn = entry.establishedOn();
            agreement.notes = entry.notes();
            if (!agreement.signatories.equals(signed)) {
                agreement.signatories = new ArrayList<>(signed);
            }
            if (isNew) {
                agreements.persist(agreement);
            }
            count(2, isNew);
            agreementsByRef.put(entry.ref(), agreement);
            workflow.add(new ImportedRecord("agreements", agreement, isNew, !Boolean.FALSE.equals(entry.published())));
        }

        void page(String path, Dataset.PageEntry entry) {
            if (pagesByKey.containsKey(entry.key())) {
                errors.add(path + ".key", "appears twice in the document");
                return;
            }
            List<Agreement> presented = new ArrayList<>();
            List<String> refs = entry.agreements() == null ? List.of() : entry.agreements();
            for (int i = 0; i < refs.size(); i++) {
                Agreement agreement = agreementsByRef.get(refs.get(i));
                if (agreement == null || presented.contains(agreement)) {
                    errors.add(path + ".agreements[" + i + "]", "names no agreement of the document, or one already listed");
                } else {
                    presented.add(agreement);
                }
            }
            Page page = pages.findByKey(entry.key()).orElse(null);
            boolean isNew = page == null;
            if (isNew) {
                page = new Page();
            }
            page.key = entry.key();
            page.title = entry.title().trim();
            page.body = entry.body();
            Page shown = page;
            List<ImageSlot> images = errors.attempt(() -> imageSlots.resolve(entry.images(), shown.images, path + ".images"));
            if (images != null) {
                page.images = images;
            }
            if (!page.agreements.equals(presented)) {
                page.agreements = new ArrayList<>(presented);
            }
            if (isNew) {
                pages.persist(page);
                if (entry.votes() != null) {
                    Page created = page;
                    entry.votes().forEach((rating, count) -> votesAdded += votes.addVotes(created, rating, count));
                }
            }
            count(3, isNew);
            pagesByKey.put(entry.key(), page);
            workflow.add(new ImportedRecord("pages", page, isNew, !Boolean.FALSE.equals(entry.published())));
        }

        /** Every record of the document gets exactly the translations the section lists for it. */
        void translations(Map<String, Map<String, Map<String, JsonNode>>> section) {
            translations(section, "cities", City.TEXT, citiesBySlug);
            translations(section, "signatories", Signatory.TEXT, signatoriesByRef);
            translations(section, "pages", Page.TEXT, pagesByKey);
            section.keySet().stream()
                    .filter(collection -> !Set.of("cities", "signatories", "pages").contains(collection))
                    .forEach(collection -> errors.add("translations." + collection,
                            "is not a collection with translations; use cities, signatories or pages"));
        }

        private <E extends TranslatableEntity> void translations(Map<String, Map<String, Map<String, JsonNode>>> section,
                String collection, TranslatableFields<E> text, Map<String, E> records) {
            Map<String, Map<String, JsonNode>> listed = section.get(collection) == null ? Map.of() : section.get(collection);
            listed.keySet().stream().filter(key -> !records.containsKey(key)).forEach(key -> errors
                    .add("translations." + collection + "." + key, "names no " + collection + " entry of the document"));
            records.forEach((key, record) -> {
                String path = "translations." + collection + "." + key;
                Map<String, JsonNode> byLocale = new HashMap<>();
                Map<String, JsonNode> given = listed.get(key) == null ? Map.of() : listed.get(key);
                given.forEach((tag, texts) -> {
                    ContentLocale locale = errors.attempt(() -> locales.exactly(path + "." + tag, tag));
                    if (locale != null && locale.isDefault()) {
                        errors.add(path + "." + tag, "is the default locale, whose text is the entry's own fields");
                    } else if (locale != null) {
                        byLocale.put(locale.tag(), texts);
                    }
                });
                text.replaceTranslations(record, byLocale, path, errors);
            });
        }

        private City cityNamed(String path, String slug) {
            City city = citiesBySlug.get(slug);
            if (city == null) {
                city = cities.findBySlug(slug).orElse(null);
            }
            if (city == null) {
                errors.add(path, "names no city of the document or the database");
            }
            return city;
        }

        private boolean unique(Map<String, ?> seen, String ref, String path) {
            if (seen.containsKey(ref)) {
                errors.add(path, "appears twice in the document");
                return false;
            }
            return true;
        }

        private void count(int kind, boolean isNew) {
            (isNew ? created : updated)[kind]++;
        }

        ImportReport report() {
            return new ImportReport(counts(created), counts(updated), votesAdded);
        }

        private static ImportReport.Counts counts(int[] values) {
            return new ImportReport.Counts(values[0], values[1], values[2], values[3]);
        }
    }
}
