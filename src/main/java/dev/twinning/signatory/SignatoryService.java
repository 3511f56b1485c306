package dev.twinning.signatory;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.twinning.agreement.AgreementRepository;
import dev.twinning.common.error.ResourceNotFoundException;
import dev.twinning.common.paging.Paged;
import dev.twinning.common.query.Ids;

@ApplicationScoped
public class SignatoryService {

    private final SignatoryRepository signatories;
    private final AgreementRepository agreements;

    public SignatoryService(SignatoryRepository signatories, AgreementRepository agreements) {
        this.signatories = signatories;
        this.agreements = agreements;
    }

    public Paged<SignatoryResponse> list(SignatoryQuery query) {
        int page = query.pageNumber();
        int size = query.pageSize();
        List<SignatoryResponse> items = signatories.listPage(query.sort, page, size).stream()
                .map(SignatoryResponse::from)
                .toList();
        return new Paged<>(items, page, size, signatories.count());
    }

    public SignatoryResponse get(String id) {
        Signatory signatory = Ids.parse(id).flatMap(signatories::findWithCity)
                .orElseThrow(() -> new ResourceNotFoundException("signatory", id));
        List<SignedAgreement> signed = agreements.listSignedBy(signatory).stream().map(SignedAgreement::from).toList();
        return SignatoryResponse.withAgreements(signatory, signed);
    }
}
