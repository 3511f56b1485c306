package dev.twinning.page;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.twinning.agreement.AgreementRepository;
import dev.twinning.agreement.AgreementResponse;
import dev.twinning.common.error.ResourceNotFoundException;
import dev.twinning.common.paging.Paged;
import dev.twinning.survey.SurveyRepository;
import dev.twinning.survey.SurveyResult;

@ApplicationScoped
public class PageService {

    private final PageRepository pages;
    private final AgreementRepository agreements;
    private final SurveyRepository survey;

    public PageService(PageRepository pages, AgreementRepository agreements, SurveyRepository survey) {
        this.pages = pages;
        this.agreements = agreements;
        this.survey = survey;
    }

    public Paged<PageResponse> list(PageQuery query) {
        int page = query.pageNumber();
        int size = query.pageSize();
        List<PageResponse> items = pages.listPage(query.sort, page, size).stream().map(PageResponse::from).toList();
        return new Paged<>(items, page, size, pages.count());
    }

    public PageResponse get(String idOrKey) {
        Page page = pages.findByIdOrKey(idOrKey).orElseThrow(() -> new ResourceNotFoundException("page", idOrKey));
        List<AgreementResponse> presented = agreements.withSignatories(pages.agreementsOf(page)).stream()
                .map(AgreementResponse::from)
                .toList();
        return PageResponse.withContent(page, presented, SurveyResult.of(page.key, survey.countsFor(page)));
    }
}
