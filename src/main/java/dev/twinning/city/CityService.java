package dev.twinning.city;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.twinning.agreement.AgreementRepository;
import dev.twinning.agreement.AgreementResponse;
import dev.twinning.common.error.ConflictException;
import dev.twinning.common.error.InvalidInputException;
import dev.twinning.common.error.ResourceNotFoundException;
import dev.twinning.common.etag.EntityTags;
import dev.twinning.common.etag.IfMatch;
import dev.twinning.common.i18n.RequestLocale;
import dev.twinning.common.i18n.TranslatableCollection;
import dev.twinning.common.paging.Paged;
import dev.twinning.common.patch.MergePatch;
import dev.twinning.content.Action;
import dev.twinning.content.ContentTables;
import dev.twinning.content.ContentType;
import dev.twinning.content.Previewable;
import dev.twinning.content.Workflow;
import dev.twinning.content.WorkingCopy;
import dev.twinning.media.ImageSlots;
import dev.twinning.signatory.SignatoryRepository;

@ApplicationScoped
public class CityService {

    private final CityRepository cities;
    private final AgreementRepository agreements;
    private final SignatoryRepository signatories;
    private final EntityTags entityTags;
    private final MergePatch mergePatch;
    private final RequestLocale locale;
    private final ImageSlots imageSlots;
    private final Workflow workflow;
    private final ContentType<City, CityRequest> content;

    public CityService(CityRepository cities, AgreementRepository agreements, SignatoryRepository signatories,
            EntityTags entityTags, MergePatch mergePatch, RequestLocale locale, ImageSlots imageSlots, Workflow workflow) {
        this.workflow = workflow;
        this.content = new ContentType<>("cities", "city", City.class, new ContentTables("cities", "name",
                List.of(new ContentTables.Child("city_images", "city_id")), List.of()),
                this::find, this::detail, CityRequest::from, CityRequest.class, this::write, ContentType.Text.of(City.TEXT));
        this.imageSlots = imageSlots;
        this.locale = locale;
        this.cities = cities;
        this.agreements = agreements;
        this.signatories = signatories;
        this.entityTags = entityTags;
        this.mergePatch = mergePatch;
    }

    /** Plugs the cities into the translation endpoints. */
    @Produces
    TranslatableCollection<City> translatable() {
        return new TranslatableCollection<>("cities", City.TEXT, this::find, this::detail);
    }

    /** Plugs the cities into the editorial workflow. */
    @Produces
    ContentType<City, CityRequest> content() {
        return content;
    }

    @Previewable
    public Paged<CityResponse> list(CityQuery query) {
        query.validate();
        CityFilter filter = query.filter();
        var locale = this.locale.get();
        int size = query.pageSize();
        Optional<Long> after = query.afterId();
        if (after.isPresent()) {
            List<CityResponse> items = cities.searchAfter(filter, after.get(), size).stream()
                    .map(city -> CityResponse.from(city, locale))
                    .toList();
            return Paged.afterCursor(items, size, cities.count(filter), CityResponse::id);
        }
        int page = query.pageNumber();
        List<CityResponse> items = cities.search(filter, query.sort(), locale, page, size).stream()
                .map(city -> CityResponse.from(city, locale))
                .toList();
        return Paged.of(items, page, size, () -> cities.count(filter));
    }

    @Previewable
    public CityResponse get(String idOrSlug) {
        return detail(find(idOrSlug));
    }

    @WorkingCopy
    public CityResponse create(CityRequest request) {
        City city = new City();
        requireNoPublishedField(request);
        request.applyTo(city);
        city.images = imageSlots.resolve(request.images(), city.images, "images");
        city.slug = request.slug() != null ? requireFreeSlug(request.slug()) : freeSlugFor(request.name());
        cities.persist(city);
        workflow.changed(content, city, Action.CREATE);
        return CityResponse.withAgreements(city, locale.get(), List.of());
    }

    @WorkingCopy
    public CityResponse replace(String idOrSlug, CityRequest request, IfMatch ifMatch) {
        City city = find(idOrSlug);
        ifMatch.check(entityTags.of(detail(city)));
        write(city, request);
        workflow.changed(content, city, Action.UPDATE);
        return detail(city);
    }

    @WorkingCopy
    public CityResponse patch(String idOrSlug, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        City city = find(idOrSlug);
        ifMatch.check(entityTags.of(detail(city)));
        write(city, mergePatch.apply(CityRequest.from(city), patch, CityRequest.class));
        workflow.changed(content, city, Action.UPDATE);
        return detail(city);
    }

    @WorkingCopy
    public void delete(String idOrSlug, IfMatch ifMatch) {
        City city = find(idOrSlug);
        ifMatch.check(entityTags.of(detail(city)));
        List<Long> agreementIds = agreements.idsInvolving(city);
        List<Long> signatoryIds = signatories.idsFromCity(city);
        if (!agreementIds.isEmpty() || !signatoryIds.isEmpty()) {
            throw new ConflictException("City '" + city.slug + "' is still referenced by "
                    + references(agreementIds, signatoryIds)
                    + "; delete or change those first");
        }
        workflow.trash(content, city);
    }

    private void write(City city, CityRequest request) {
        requireNoPublishedField(request);
        if (request.slug() != null && !request.slug().equals(city.slug)) {
            requireFreeSlug(request.slug());
        }
        request.applyTo(city);
        city.images = imageSlots.resolve(request.images(), city.images, "images");
        cities.flush();
    }

    /** {@code published} belongs to datasets; a write publishes with {@code ?publish=true}. */
    private static void requireNoPublishedField(CityRequest request) {
        if (request.published() != null) {
            throw new InvalidInputException("published",
                    "is only for datasets; publish with ?publish=true or POST /api/v1/cities/{idOrSlug}/publish");
        }
    }

    private City find(String idOrSlug) {
        return cities.findByIdOrSlug(idOrSlug).orElseThrow(() -> new ResourceNotFoundException("city", idOrSlug));
    }

    private CityResponse detail(City city) {
        var locale = this.locale.get();
        List<AgreementResponse> cityAgreements = agreements.listByCity(city).stream()
                .map(agreement -> AgreementResponse.from(agreement, locale))
                .toList();
        return CityResponse.withAgreements(city, locale, cityAgreements);
    }

    private String requireFreeSlug(String slug) {
        if (cities.existsBySlug(slug)) {
            throw new ConflictException("A city with slug '" + slug + "' already exists");
        }
        return slug;
    }

    private String freeSlugFor(String name) {
        String base = Slugs.from(name);
        if (!base.matches(".*[a-z].*")) {
            throw new InvalidInputException("slug",
                    "is required when the name has no Latin letters to derive it from");
        }
        String slug = base;
        for (int suffix = 2; cities.existsBySlug(slug); suffix++) {
            slug = base + "-" + suffix;
        }
        return slug;
    }

    private static String references(List<Long> agreementIds, List<Long> signatoryIds) {
        List<String> parts = new ArrayList<>();
        if (!agreementIds.isEmpty()) {
            parts.add("agreements with ids " + agreementIds);
        }
        if (!signatoryIds.isEmpty()) {
            parts.add("signatories with ids " + signatoryIds);
        }
        return String.join(" and ", parts);
    }
}
