package dev.twinning.agreement;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Hibernate;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import dev.twinning.city.City;
import dev.twinning.common.i18n.Collations;
import dev.twinning.common.i18n.ContentLocale;
import dev.twinning.common.paging.Sorting;
import dev.twinning.common.query.Filter;
import dev.twinning.signatory.Signatory;

@ApplicationScoped
public class AgreementRepository implements PanacheRepository<Agreement> {

    private static final String WITH_CITIES = "select a from Agreement a join fetch a.homeCity join fetch a.partnerCity p";
    static final Map<String, String> SORT_FIELDS = Map.of(
            "establishedOn", "a.establishedOn",
            "partnerCity", "p.name",
            "country", "p.country",
            "type", "a.type",
            "status", "a.status");

    private final Collations collations;

    public AgreementRepository(Collations collations) {
        this.collations = collations;
    }

    public List<Agreement> search(AgreementFilter filter, String sort, ContentLocale locale, int page, int size) {
        Filter where = where(filter);
        String orderBy = Sorting.orderBy(sort, "establishedOn",
                collations.localize(SORT_FIELDS, "partnerCity", "p", "name", locale),
                "a.id");
        List<Agreement> agreements = find(WITH_CITIES + where.where() + orderBy, where.parameters())
                .page(page, size).list();
        return withSignatories(agreements);
    }

    /** Keyset paging: the next {@code size} agreements after the given id, in id order. */
    public List<Agreement> searchAfter(AgreementFilter filter, long after, int size) {
        Filter where = where(filter).and("a.id > :after", "after", after);
        return withSignatories(find(WITH_CITIES + where.where() + " order by a.id", where.parameters()).page(0, size).list());
    }

    public long count(AgreementFilter filter) {
        Filter where = where(filter);
        return count("from Agreement a" + where.where(), where.parameters());
    }

    public Optional<Agreement> findWithDetails(long id) {
        List<Agreement> found = find(WITH_CITIES + " where a.id = ?1", id).list();
        return withSignatories(found).stream().findFirst();
    }

    /**
     * The condition is on the agreement's own foreign keys, in a subquery, so that PostgreSQL combines the
     * indexes of both columns instead of joining every agreement to its cities before filtering.
     */
    public List<Agreement> listByCity(City city) {
        return withSignatories(find(WITH_CITIES
                + " where a.id in (select x.id from Agreement x where x.homeCity.id = ?1 or x.partnerCity.id = ?1)"
                + " order by a.establishedOn asc nulls last, a.id", city.id).list());
    }

    public List<Agreement> listSignedBy(Signatory signatory) {
        return find("select a from Agreement a join fetch a.partnerCity join a.signatories s where s = ?1"
                + " order by a.establishedOn asc nulls last, a.id", signatory).list();
    }

    public Optional<Agreement> findBetween(City home, City partner, AgreementType type) {
        return find("homeCity = ?1 and partnerCity = ?2 and type = ?3", home, partner, type).firstResultOptional();
    }

    public List<Agreement> listAllWithDetails() {
        return withSignatories(find(WITH_CITIES + " order by a.id").list());
    }

    /** Whether another agreement (than the one with this id, if any) already joins these cities with this type. */
    public boolean existsOtherThan(Long id, City home, City partner, AgreementType type) {
        String same = "homeCity = ?1 and partnerCity = ?2 and type = ?3";
        return (id == null ? count(same, home, partner, type) : count(same + " and id <> ?4", home, partner, type, id)) > 0;
    }

    public List<Long> idsInvolving(City city) {
        return getEntityManager()
                .createQuery("select a.id from Agreement a where a.homeCity = :city or a.partnerCity = :city order by a.id",
                        Long.class)
                .setParameter("city", city)
                .getResultList();
    }

    public List<Long> idsSignedBy(Signatory signatory) {
        return getEntityManager()
                .createQuery("select a.id from Agreement a join a.signatories s where s = :signatory order by a.id", Long.class)
                .setParameter("signatory", signatory)
                .getResultList();
    }

    /**
     * Loads the signatories (and their cities) of all given agreements: touching the first list makes
     * Hibernate's batch loader fetch the lists of every agreement in the session with one {@code = any(?)}
     * statement (quarkus.hibernate-orm.fetch.batch-size), whose SQL is translated once, not per request.
     */
    public List<Agreement> withSignatories(List<Agreement> agreements) {
        agreements.forEach(agreement -> Hibernate.initialize(agreement.signatories));
        return agreements;
    }

    private static Filter where(AgreementFilter filter) {
        return new Filter()
                .and("a.partnerCountry = :country", "country", filter.country())
                .and("a.type = :type", "type", filter.type())
                .and("a.status = :status", "status", filter.status())
                .and("a.establishedOn >= :from", "from", filter.establishedFrom())
                .and("a.establishedOn <= :to", "to", filter.establishedTo());
    }
}
