package dev.twinning.transfer;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

import dev.twinning.agreement.Agreement;
import dev.twinning.agreement.AgreementRepository;
import dev.twinning.city.City;
import dev.twinning.city.CityRepository;
import dev.twinning.city.CityRequest;
import dev.twinning.common.i18n.ContentLocales;
import dev.twinning.common.i18n.TranslatableEntity;
import dev.twinning.content.Publishable;
import dev.twinning.content.WorkingCopy;
import dev.twinning.media.ImageRequest;
import dev.twinning.page.Page;
import dev.twinning.page.PageRepository;
import dev.twinning.signatory.Signatory;
import dev.twinning.signatory.SignatoryRepository;
import dev.twinning.survey.Rating;
import dev.twinning.survey.SurveyRepository;

/** Writes the whole content as one {@link Dataset} that {@link DatasetImporter} reads back. */
@ApplicationScoped
public class DatasetExporter {

    private final CityRepository cities;
    private final SignatoryRepository signatories;
    private final AgreementRepository agreements;
    private final PageRepository pages;
    private final SurveyRepository votes;
    private final ContentLocales locales;
    private final ObjectMapper mapper;

    public DatasetExporter(CityRepository cities, SignatoryRepository signatories, AgreementRepository agreements,
            PageRepository pages, SurveyRepository votes, ContentLocales locales, ObjectMapper mapper) {
        this.locales = locales;
        this.mapper = mapper;
        this.cities = cities;
        this.signatories = signatories;
        this.agreements = agreements;
        this.pages = pages;
        this.votes = votes;
    }

    @WorkingCopy
    public Dataset export() {
        Map<Long, Map<Rating, Long>> voteCounts = votes.countsByPage(null, null);
        List<City> allCities = cities.listAll(Sort.by("id"));
        List<Signatory> allSignatories = signatories.listAllWithCity();
        List<Page> allPages = pages.listAllWithAgreements();
        Map<String, Map<String, Map<String, JsonNode>>> translations = new LinkedHashMap<>();
        translations.put("cities", translations(allCities, city -> city.slug));
        translations.put("signatories", translations(allSignatories, DatasetExporter::ref));
        translations.put("pages", translations(allPages, page -> page.key));
        return new Dataset(
                allCities.stream().map(city -> CityRequest.inDataset(city, published(city))).toList(),
                allSignatories.stream().map(DatasetExporter::entry).toList(),
                agreements.listAllWithDetails().stream().map(DatasetExporter::entry).toList(),
                allPages.stream().map(page -> entry(page, voteCounts.getOrDefault(page.id, Map.of()))).toList(),
                translations);
    }

    /** The non-default locales' text of the records that have any, by the record's key in the document. */
    private <E extends TranslatableEntity> Map<String, Map<String, JsonNode>> translations(List<E> records,
            Function<E, String> key) {
        Map<String, Map<String, JsonNode>> byRecord = new LinkedHashMap<>();
        for (E record : records) {
            Map<String, JsonNode> byLocale = new LinkedHashMap<>();
            locales.tags().stream()
                    .filter(tag -> !record.translations.getOrDefault(tag, Map.of()).isEmpty())
                    .forEach(tag -> byLocale.put(tag, mapper.valueToTree(record.translations.get(tag))));
            if (!byLocale.isEmpty()) {
                byRecord.put(key.apply(record), byLocale);
            }
        }
        return byRecord;
    }

    private static Dataset.SignatoryEntry entry(Signatory signatory) {
        return new Dataset.SignatoryEntry(ref(signatory), signatory.name, signatory.nativeName, signatory.title,
                signatory.city.slug, published(signatory));
    }

    private static Dataset.AgreementEntry entry(Agreement agreement) {
        return new Dataset.AgreementEntry(ref(agreement), agreement.homeCity.slug, agreement.partnerCity.slug, agreement.type,
                agreement.status, agreement.establishedOn, agreement.notes,
                agreement.signatories.stream().map(DatasetExporter::ref).toList(), published(agreement));
    }

    private static Dataset.PageEntry entry(Page page, Map<Rating, Long> votes) {
        List<String> presented = page.agreements.stream().map(DatasetExporter::ref).toList();
        Map<Rating, Integer> counts = new EnumMap<>(Rating.class);
        votes.forEach((rating, count) -> counts.put(rating, Math.toIntExact(count)));
        return new Dataset.PageEntry(page.key, page.title, page.body, presented, counts,
                page.images.stream().map(ImageRequest::from).toList(), published(page));
    }

    /** Whether the record has a published version (the working copy is what the dataset carries). */
    private static boolean published(Publishable record) {
        return record.publication().publishedVersion != null;
    }

    private static String ref(Signatory signatory) {
        return "signatory-" + signatory.id;
    }

    private static String ref(Agreement agreement) {
        return "agreement-" + agreement.id;
    }
}
