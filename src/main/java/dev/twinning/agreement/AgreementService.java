package dev.twinning.agreement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.twinning.city.City;
import dev.twinning.city.CityRepository;
import dev.twinning.common.error.ConflictException;
import dev.twinning.common.error.InputErrors;
import dev.twinning.common.error.InvalidInputException;
import dev.twinning.common.error.ResourceNotFoundException;
import dev.twinning.common.etag.EntityTags;
import dev.twinning.common.etag.IfMatch;
import dev.twinning.common.i18n.RequestLocale;
import dev.twinning.common.paging.Paged;
import dev.twinning.common.patch.MergePatch;
import dev.twinning.common.query.Ids;
import dev.twinning.content.Action;
import dev.twinning.content.ContentTables;
import dev.twinning.content.ContentType;
import dev.twinning.content.Previewable;
import dev.twinning.content.Workflow;
import dev.twinning.content.WorkingCopy;
import dev.twinning.page.PageRepository;
import dev.twinning.signatory.Signatory;
import dev.twinning.signatory.SignatoryRepository;

@ApplicationScoped
public class AgreementService {

    private final AgreementRepository agreements;
    private final CityRepository cities;
    private final SignatoryRepository signatories;
    private final PageRepository pages;
    private final EntityTags entityTags;
    private final MergePatch mergePatch;
    private final RequestLocale locale;
    private final Workflow workflow;
    private final ContentType<Agreement, AgreementRequest> content;

    public AgreementService(AgreementRepository agreements, CityRepository cities, SignatoryRepository signatories,
            PageRepository pages, EntityTags entityTags, MergePatch mergePatch, RequestLocale locale, Workflow workflow) {
        this.workflow = workflow;
        this.content = new ContentType<>("agreements", "agreement", Agreement.class, new ContentTables("agreements",
                "(select h.name from cities h where h.id = home_city_id) || ' – ' || (select p.name from cities p where p.id = partner_city_id) || ' (' || type || ')'",
                List.of(new ContentTables.Child("agreement_signatories", "agreement_id")),
                List.of(new ContentTables.Reference("agreements", "id", "home_city_id", "cities"),
                        new ContentTables.Reference("agreements", "id", "partner_city_id", "cities"),
                        new ContentTables.Reference("agreement_signatories", "agreement_id", "signatory_id", "signatories"))),
                this::find, this::represent, AgreementRequest::from, AgreementRequest.class, this::apply, null);
        this.locale = locale;
        this.agreements = agreements;
        this.cities = cities;
        this.signatories = signatories;
        this.pages = pages;
        this.entityTags = entityTags;
        this.mergePatch = mergePatch;
    }

    /** Plugs the agreements into the editorial workflow. */
    @Produces
    ContentType<Agreement, AgreementRequest> content() {
        return content;
    }

    @Previewable
    public Paged<AgreementResponse> list(AgreementQuery query) {
        query.validate();
        AgreementFilter filter = query.filter();
        int size = query.pageSize();
        Optional<Long> after = query.afterId();
        if (after.isPresent()) {
            List<AgreementResponse> items = agreements.searchAfter(filter, after.get(), size).stream()
                    .map(this::represent)
                    .toList();
            return Paged.afterCursor(items, size, agreements.count(filter), AgreementResponse::id);
        }
        int page = query.pageNumber();
        List<AgreementResponse> items = agreements.search(filter, query.sort(), locale.get(), page, size).stream()
                .map(this::represent)
                .toList();
        return Paged.of(items, page, size, () -> agreements.count(filter));
    }

    @Previewable
    public AgreementResponse get(String id) {
        return represent(find(id));
    }

    @WorkingCopy
    public AgreementResponse create(AgreementRequest request) {
        Agreement agreement = new Agreement();
        apply(agreement, request);
        agreements.persist(agreement);
        workflow.changed(content, agreement, Action.CREATE);
        return represent(agreement);
    }

    @WorkingCopy
    public AgreementResponse replace(String id, AgreementRequest request, IfMatch ifMatch) {
        Agreement agreement = find(id);
        ifMatch.check(entityTags.of(represent(agreement)));
        apply(agreement, request);
        workflow.changed(content, agreement, Action.UPDATE);
        return represent(agreement);
    }

    @WorkingCopy
    public AgreementResponse patch(String id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Agreement agreement = find(id);
        ifMatch.check(entityTags.of(represent(agreement)));
        apply(agreement, mergePatch.apply(AgreementRequest.from(agreement), patch, AgreementRequest.class));
        workflow.changed(content, agreement, Action.UPDATE);
        return represent(agreement);
    }

    @WorkingCopy
    public void delete(String id, IfMatch ifMatch) {
        Agreement agreement = find(id);
        ifMatch.check(entityTags.of(represent(agreement)));
        // a new list makes Hibernate rewrite the page's rows instead of shifting positions in place
        pages.listPresenting(agreement).forEach(page -> page.agreements = page.agreements.stream()
                .filter(presented -> presented != agreement)
                .collect(Collectors.toCollection(ArrayList::new)));
        workflow.trash(content, agreement);
    }

    private AgreementResponse represent(Agreement agreement) {
        return AgreementResponse.from(agreement, locale.get());
    }

    private void apply(Agreement agreement, AgreementRequest request) {
        InputErrors errors = new InputErrors();
        City home = errors.attempt(() -> city("homeCityId", request.homeCityId()));
        City partner = errors.attempt(() -> city("partnerCityId", request.partnerCityId()));
        if (Objects.equals(request.homeCityId(), request.partnerCityId())) {
            errors.add("partnerCityId", "must differ from homeCityId");
        }
        List<Long> signatoryIds = request.signatoryIds() == null ? List.of() : request.signatoryIds();
        if (new HashSet<>(signatoryIds).size() < signatoryIds.size()) {
            errors.add("signatoryIds", "must not name the same signatory twice");
        }
        List<Signatory> signed = signatoryIds.stream()
                .map(signatoryId -> errors.attempt(() -> signatory(signatoryIds.indexOf(signatoryId), signatoryId)))
                .toList();
        errors.throwIfAny();
        if (agreements.existsOtherThan(agreement.id, home, partner, request.type())) {
            throw new ConflictException("An agreement of type " + request.type() + " between cities " + home.id + " and "
                    + partner.id + " already exists");
        }
        agreement.homeCity = home;
        agreement.partnerCity = partner;
        agreement.type = request.type();
        agreement.status = request.status() == null ? AgreementStatus.ACTIVE : request.status();
        agreement.establishedOn = request.establishedOn();
        agreement.notes = request.notes();
        if (!agreement.signatories.equals(signed)) {
            agreement.signatories = new ArrayList<>(signed);
        }
    }

    private City city(String field, Long id) {
        return cities.findByIdOptional(id).orElseThrow(() -> new InvalidInputException(field, "no city has id " + id));
    }

    private Signatory signatory(int index, Long id) {
        return signatories.findWithCity(id)
                .orElseThrow(() -> new InvalidInputException("signatoryIds[" + index + "]", "no signatory has id " + id));
    }

    private Agreement find(String id) {
        return Ids.parse(id).flatMap(agreements::findWithDetails)
                .orElseThrow(() -> new ResourceNotFoundException("agreement", id));
    }
}
