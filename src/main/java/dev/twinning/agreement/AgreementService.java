package dev.twinning.agreement;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.twinning.common.error.ResourceNotFoundException;
import dev.twinning.common.paging.Paged;
import dev.twinning.common.query.Ids;

@ApplicationScoped
public class AgreementService {

    private final AgreementRepository repository;

    public AgreementService(AgreementRepository repository) {
        this.repository = repository;
    }

    public Paged<AgreementResponse> list(AgreementQuery query) {
        AgreementFilter filter = query.filter();
        int page = query.pageNumber();
        int size = query.pageSize();
        List<AgreementResponse> items = repository.search(filter, query.sort, page, size).stream()
                .map(AgreementResponse::from)
                .toList();
        return new Paged<>(items, page, size, repository.count(filter));
    }

    public AgreementResponse get(String id) {
        return Ids.parse(id)
                .flatMap(repository::findWithDetails)
                .map(AgreementResponse::from)
                .orElseThrow(() -> new ResourceNotFoundException("agreement", id));
    }

}
