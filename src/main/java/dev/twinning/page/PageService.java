package dev.twinning.page;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

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
import dev.twinning.content.Action;
import dev.twinning.content.ContentTables;
import dev.twinning.content.ContentType;
import dev.twinning.content.Previewable;
import dev.twinning.content.Workflow;
import dev.twinning.content.WorkingCopy;
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
    private final Workflow workflow;
    private final ContentType<Page, PageRequest> content;

    public PageService(PageRepository pages, AgreementRepository agreements, SurveyRepository survey, EntityTags entityTags,
            MergePatch mergePatch, RequestLocale locale, ImageSlots imageSlots, Workflow workflow) {
        this.workflow = workflow;
        // a page's agreements are not required: a published page shows those of them that are published
        this.content = new ContentType<>("pages", "page", Page.class, new ContentTables("pages", "title",
                List.of(new ContentTables.Child("page_agreements", "page_id"),
                        new ContentTables.Child("page_images", "page_id")),
                List.of()),
                this::find, this::detail, PageRequest::from, PageRequest.class, this::apply, ContentType.Text.of(Page.TEXT));
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

    /** Plugs the pages into the editorial workflow. */
    @Produces
    ContentType<Page, PageRequest> content() {
        return content;
    }

    @Previewable
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

    @Previewable
    public PageResponse get(String idOrKey) {
        return detail(find(idOrKey));
    }

    @WorkingCopy
    public PageResponse create(PageRequest request) {
        Page page = new Page();
        apply(page, request);
        pages.persist(page);
        workflow.changed(content, page, Action.CREATE);
        return detail(page);
    }

    @WorkingCopy
    public PageResponse replace(String idOrKey, PageRequest request, IfMatch ifMatch) {
        Page page = find(idOrKey);
        ifMatch.check(entityTags.of(detail(page)));
        apply(page, request);
        workflow.changed(content, page, Action.UPDATE);
        return detail(page);
    }

    @WorkingCopy
    public PageResponse patch(String idOrKey, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Page page = find(idOrKey);
        ifMatch.check(entityTags.of(detail(page)));
        apply(page, mergePatch.apply(PageRequest.from(page), patch, PageRequest.class));
        workflow.changed(content, page, Action.UPDATE);
        return detail(page);
    }

    @WorkingCopy
    public void delete(String idOrKey, IfMatch ifMatch) {
        Page page = find(idOrKey);
        ifMatch.check(entityTags.of(detail(page)));
        workflow.trash(content, page);
    }

    private void apply(Page page, PageRequest request) {
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
