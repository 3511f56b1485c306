package dev.twinning.transfer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Sort;

import dev.twinning.agreement.Agreement;
import dev.twinning.agreement.AgreementRepository;
import dev.twinning.city.CityRepository;
import dev.twinning.city.CityRequest;
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

    public DatasetExporter(CityRepository cities, SignatoryRepository signatories, AgreementRepository agreements,
            PageRepository pages, SurveyRepository votes) {
        this.cities = cities;
        this.signatories = signatories;
        this.agreements = agreements;
        this.pages = pages;
        this.votes = votes;
    }

    public Dataset export() {
        Map<Long, Map<Rating, Long>> voteCounts = votes.countsByPage(null, null);
        return new Dataset(
                cities.listAll(Sort.by("id")).stream().map(CityRequest::from).toList(),
                signatories.listAllWithCity().stream().map(DatasetExporter::entry).toList(),
                agreements.listAllWithDetails().stream().map(DatasetExporter::entry).toList(),
                pages.listAllWithAgreements().stream().map(page -> entry(page, voteCounts.getOrDefault(page.id, Map.of())))
                        .toList());
    }

    private static Dataset.SignatoryEntry entry(Signatory signatory) {
        return new Dataset.SignatoryEntry(ref(signatory), signatory.name, signatory.nativeName, signatory.title,
                signatory.city.slug);
    }

    private static Dataset.AgreementEntry entry(Agreement agreement) {
        return new Dataset.AgreementEntry(ref(agreement), agreement.homeCity.slug, agreement.partnerCity.slug, agreement.type,
                agreement.status, agreement.establishedOn, agreement.notes,
                agreement.signatories.stream().map(DatasetExporter::ref).toList());
    }

    private static Dataset.PageEntry entry(Page page, Map<Rating, Long> votes) {
        List<String> presented = page.agreements.stream().map(DatasetExporter::ref).toList();
        Map<Rating, Integer> counts = new EnumMap<>(Rating.class);
        votes.forEach((rating, count) -> counts.put(rating, Math.toIntExact(count)));
        return new Dataset.PageEntry(page.key, page.title, page.body, presented, counts);
    }

    private static String ref(Signatory signatory) {
        return "signatory-" + signatory.id;
    }

    private static String ref(Agreement agreement) {
        return "agreement-" + agreement.id;
    }
}
