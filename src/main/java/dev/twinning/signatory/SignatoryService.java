package dev.twinning.signatory;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.twinning.agreement.AgreementRepository;
import dev.twinning.city.CityRepository;
import dev.twinning.common.error.ConflictException;
import dev.twinning.common.error.InvalidInputException;
import dev.twinning.common.error.ResourceNotFoundException;
import dev.twinning.common.etag.EntityTags;
import dev.twinning.common.etag.IfMatch;
import dev.twinning.common.i18n.RequestLocale;
import dev.twinning.common.i18n.TranslatableCollection;
import dev.twinning.common.paging.Paged;
import dev.twinning.common.patch.MergePatch;
import dev.twinning.common.query.Ids;
import dev.twinning.content.Action;
import dev.twinning.content.ContentTables;
import dev.twinning.content.ContentType;
import dev.twinning.content.Previewable;
import dev.twinning.content.Workflow;
import dev.twinning.content.WorkingCopy;

@ApplicationScoped
public class SignatoryService {

    private final SignatoryRepository signatories;
    private final AgreementRepository agreements;
    private final CityRepository cities;
    private final EntityTags entityTags;
    private final MergePatch mergePatch;
    private final RequestLocale locale;
    private final Workflow workflow;
    private final ContentType<Signatory, SignatoryRequest> content;

    public SignatoryService(SignatoryRepository signatories, AgreementRepository agreements, CityRepository cities,
            EntityTags entityTags, MergePatch mergePatch, RequestLocale locale, Workflow workflow) {
        this.workflow = workflow;
        this.content = new ContentType<>("signatories", "signatory", Signatory.class, new ContentTables("signatories", "name",
                List.of(), List.of(new ContentTables.Reference("signatories", "id", "city_id", "cities"))),
                this::find, this::detail, SignatoryRequest::from, SignatoryRequest.class, this::apply,
                ContentType.Text.of(Signatory.TEXT));
        this.locale = locale;
        this.signatories = signatories;
        this.agreements = agreements;
        this.cities = cities;
        this.entityTags = entityTags;
        this.mergePatch = mergePatch;
    }

    /** Plugs the signatories into the translation endpoints. */
    @Produces
    TranslatableCollection<Signatory> translatable() {
        return new TranslatableCollection<>("signatories", Signatory.TEXT, this::find, this::detail);
    }

    /** Plugs the signatories into the editorial workflow. */
    @Produces
    ContentType<Signatory, SignatoryRequest> content() {
        return content;
    }

    @Previewable
    public Paged<SignatoryResponse> list(SignatoryQuery query) {
        query.validate();
        int page = query.pageNumber();
        int size = query.pageSize();
        var locale = this.locale.get();
        List<SignatoryResponse> items = signatories.listPage(query.sort(), locale, page, size).stream()
                .map(signatory -> SignatoryResponse.from(signatory, locale))
                .toList();
        return Paged.of(items, page, size, signatories::count);
    }

    @Previewable
    public SignatoryResponse get(String id) {
        return detail(find(id));
    }

    @WorkingCopy
    public SignatoryResponse create(SignatoryRequest request) {
        Signatory signatory = new Signatory();
        apply(signatory, request);
        signatories.persist(signatory);
        workflow.changed(content, signatory, Action.CREATE);
        return SignatoryResponse.withAgreements(signatory, locale.get(), List.of());
    }

    @WorkingCopy
    public SignatoryResponse replace(String id, SignatoryRequest request, IfMatch ifMatch) {
        Signatory signatory = find(id);
        ifMatch.check(entityTags.of(detail(signatory)));
        apply(signatory, request);
        workflow.changed(content, signatory, Action.UPDATE);
        return detail(signatory);
    }

    @WorkingCopy
    public SignatoryResponse patch(String id, JsonNode patch, IfMatch ifMatch) throws JsonProcessingException {
        Signatory signatory = find(id);
        ifMatch.check(entityTags.of(detail(signatory)));
        apply(signatory, mergePatch.apply(SignatoryRequest.from(signatory), patch, SignatoryRequest.class));
        workflow.changed(content, signatory, Action.UPDATE);
        return detail(signatory);
    }

    @WorkingCopy
    public void delete(String id, IfMatch ifMatch) {
        Signatory signatory = find(id);
        ifMatch.check(entityTags.of(detail(signatory)));
        List<Long> signed = agreements.idsSignedBy(signatory);
        if (!signed.isEmpty()) {
            throw new ConflictException("Signatory " + signatory.id + " signed agreements with ids " + signed
                    + "; remove them from those agreements first");
        }
        workflow.trash(content, signatory);
    }

    private void apply(Signatory signatory, SignatoryRequest request) {
        signatory.name = request.name().trim();
        signatory.nativeName = request.nativeName();
        signatory.title = request.title();
        signatory.city = cities.findByIdOptional(request.cityId())
                .orElseThrow(() -> new InvalidInputException("cityId", "no city has id " + request.cityId()));
    }

    private Signatory find(String id) {
        return Ids.parse(id).flatMap(signatories::findWithCity)
                .orElseThrow(() -> new ResourceNotFoundException("signatory", id));
    }

    private SignatoryResponse detail(Signatory signatory) {
        var locale = this.locale.get();
        List<SignedAgreement> signed = agreements.listSignedBy(signatory).stream()
                .map(agreement -> SignedAgreement.from(agreement, locale))
                .toList();
        return SignatoryResponse.withAgreements(signatory, locale, signed);
    }
}
