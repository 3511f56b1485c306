package dev.twinning.page;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.twinning.agreement.Agreement;
import dev.twinning.agreement.AgreementRepository;
import dev.twinning.agreement.AgreementResponse;
import dev.twinning.common.error.ConflictException;
import dev.twinning.common.error.InputErrors;
import dev.twinning.common.error.InvalidInputException;
import dev.twinning.common.error.ResourceNotFoundException;
import dev.twinning.common.etag.EntityTags;
import dev.twinning.common.etag.IfMatch;
import dev.twinning.common.i18n.RequestLocale;
import dev.twinning.common.i18n.TranslatableCollection;
import dev.twinning.common.paging.Paged;
import dev.twinning.common.patch.MergePatch;
import dev.twinning.media.ImageSlot;
import dev.twinning.media.ImageSlots;
import dev.twinning.survey.SurveyRepository;
import dev.twinning.survey.SurveyResult;

@ApplicationScoped
public class PageService {

    private final PageRepository pages;
    private final AgreementRepository agreements;
    private final SurveyRepository survey;
    private final EntityTags entityTags;
    private final MergePatch mergePatch;
    private final RequestLocale locale;
    private final ImageSlots imageSlots;

    public PageService(PageRepository pages, AgreementRepository agreements, SurveyRepository survey, EntityTags entityTags,
            MergePatch mergePatch, RequestLocale locale, ImageSlots imageSlots) {
        this.imageSlots = imageSlots;
        this.locale = locale;
        this.pages = pages;
        this.agreements = agreements;
        this.survey = survey;
        this.entityTags = entityTags;
        this.mergePatch = mergePatch;
    }

    /** Plugs the pages into the translation endpoints. */
    @Produces
    TranslatableCollection<Page> translatable() {
        return new TranslatableCollection<>("pages", Page.TEXT, this::find, this::detail);
    }

    public Paged<PageResponse> list(PageQuery query) {
        query.validate();
        int page = query.pageNumber();
        int size = query.pageSize();
        var locale = this.locale.get();
        List<PageResponse> items = pages.listPage(query.sort(), locale, page, size).stream()
                .map(one -> PageResponse.from(one, locale))
                .toList();
        return Paged.of(items, page, size, pages::count);
    }

    public PageResponse get(String idOrKey) {
        return detail(find(idOrKey));
    }

    @Transactional
    public PageResponse create(PageRequest request) {
        Page page = new Page();
        apply(request, page);
        pages.persist(page);
        pages.flush();
        return detail(page);
    }

    @Transactional
    public PageResponse replace(String idOrKey, PageRequest request, IfMatch ifMatch) {
        Page page = find(idOrKey);
        ifMatch.check(entityTags.of(detail(page)));
        apply(request, page);
        pages.flush();
        return detail(page);
    }

    @Transactional
    public PageResponse patch(String idOrKey, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Page page = find(idOrKey);
        ifMatch.check(entityTags.of(detail(page)));
        apply(mergePatch.apply(PageRequest.from(page), patch, PageRequest.class), page);
        pages.flush();
        return detail(page);
    }

    @Transactional
    public void delete(String idOrKey, IfMatch ifMatch) {
        Page page = find(idOrKey);
        ifMatch.check(entityTags.of(detail(page)));
        pages.delete(page);
        pages.flush();
    }

    private void apply(PageRequest request, Page page) {
        if (!request.key().equals(page.key) && pages.existsByKey(request.key())) {
            throw new ConflictException("A page with key '" + request.key() + "' already exists");
        }
        List<Long> ids = request.agreementIds() == null ? List.of() : request.agreementIds();
        InputErrors errors = new InputErrors();
        if (new HashSet<>(ids).size() < ids.size()) {
            errors.add("agreementIds", "must not name the same agreement twice");
        }
        List<Agreement> presented = ids.stream()
                .map(id -> errors.attempt(() -> agreements.findByIdOptional(id).orElseThrow(
                        () -> new InvalidInputException("agreementIds[" + ids.indexOf(id) + "]", "no agreement has id " + id))))
                .toList();
        List<ImageSlot> images = errors.attempt(() -> imageSlots.resolve(request.images(), page.images, "images"));
        errors.throwIfAny();
        page.key = request.key();
        page.title = request.title().trim();
        page.body = request.body();
        page.images = images;
        if (!page.agreements.equals(presented)) {
            page.agreements = new ArrayList<>(presented);
        }
    }

    private Page find(String idOrKey) {
        return pages.findByIdOrKey(idOrKey).orElseThrow(() -> new ResourceNotFoundException("page", idOrKey));
    }

    private PageResponse detail(Page page) {
        var locale = this.locale.get();
        List<AgreementResponse> presented = agreements.withSignatories(pages.agreementsOf(page)).stream()
                .map(agreement -> AgreementResponse.from(agreement, locale))
                .toList();
        return PageResponse.withContent(page, locale, presented, SurveyResult.of(page.key, survey.countsFor(page)));
    }
}
