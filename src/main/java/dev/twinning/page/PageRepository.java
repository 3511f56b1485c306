package dev.twinning.page;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import dev.twinning.agreement.Agreement;
import dev.twinning.common.i18n.Collations;
import dev.twinning.common.i18n.ContentLocale;
import dev.twinning.common.paging.Sorting;
import dev.twinning.common.query.Ids;

@ApplicationScoped
public class PageRepository implements PanacheRepository<Page> {

    static final Map<String, String> SORT_FIELDS = Map.of("key", "p.key", "title", "p.title", "updatedAt",
            "p.updatedAt");

    private final Collations collations;

    public PageRepository(Collations collations) {
        this.collations = collations;
    }

    public List<Page> listPage(String sort, ContentLocale locale, int page, int size) {
        Map<String, String> fields = collations.localize(SORT_FIELDS, "title", "p", locale);
        return find("select p from Page p" + Sorting.orderBy(sort, "key", fields, "p.id")).page(page, size).list();
    }

    /** A number finds by id, anything else by key (keys are lower case, so any case finds them). */
    public Optional<Page> findByIdOrKey(String idOrKey) {
        Optional<Long> id = Ids.parse(idOrKey);
        if (id.isPresent()) {
            return findByIdOptional(id.get());
        }
        String key = idOrKey.toLowerCase(Locale.ROOT);
        return Ids.isKey(key) ? find("key", key).firstResultOptional() : Optional.empty();
    }

    public Optional<Page> findByKey(String key) {
        return find("key", key).firstResultOptional();
    }

    /** Every page with the ids of the agreements it presents, in two statements. */
    public List<Page> listAllWithAgreements() {
        return find("select distinct p from Page p left join fetch p.agreements order by p.id").list();
    }

    /** The pages that present an agreement (with their agreement lists loaded). */
    public List<Page> listPresenting(Agreement agreement) {
        return find("select distinct p from Page p join fetch p.agreements where ?1 member of p.agreements", agreement).list();
    }

    public boolean existsByKey(String key) {
        return count("key", key) > 0;
    }

    /** The agreements a page presents, in page order, with both cities loaded. */
    public List<Agreement> agreementsOf(Page page) {
        return getEntityManager().createQuery(
                "select a from Page p join p.agreements a join fetch a.homeCity join fetch a.partnerCity"
                        + " where p = :page order by index(a)",
                Agreement.class).setParameter("page", page).getResultList();
    }
}
