package dev.twinning.page;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import dev.twinning.content.WorkingCopies;

/**
 * The published pages that present a record: what a page embeds, seen from the record. A page presents its
 * agreements, their cities and signatories, and its own and those cities' images.
 */
@ApplicationScoped
public class PresentingPages {

    /** A page by id and key. */
    public record PageKey(long id, String key) {
    }

    private final EntityManager em;
    private final WorkingCopies copies;

    public PresentingPages(EntityManager em, WorkingCopies copies) {
        this.em = em;
        this.copies = copies;
    }

    /**
     * The published pages presenting the record of {@code collection} (a singular name: city, agreement,
     * signatory, media) with {@code id}, in id order; none for other collections.
     */
    @SuppressWarnings("unchecked")
    public List<PageKey> of(String collection, long id) {
        String agreements = switch (collection) {
            case "agreement" -> "select ?1";
            case "city" -> "select a.id from %1$s.agreements a where a.home_city_id = ?1 or a.partner_city_id = ?1";
            case "signatory" -> "select s.agreement_id from %1$s.agreement_signatories s where s.signatory_id = ?1";
            case "media" -> "select a.id from %1$s.agreements a join %1$s.city_images i"
                    + " on i.city_id in (a.home_city_id, a.partner_city_id) where i.media_id = ?1";
            default -> null;
        };
        if (agreements == null) {
            return List.of();
        }
        String ownImages = collection.equals("media")
                ? " or exists (select 1 from %1$s.page_images i where i.page_id = p.id and i.media_id = ?1)"
                : "";
        String sql = ("select p.id, p.key from %1$s.pages p where exists (select 1 from %1$s.page_agreements pa"
                + " where pa.page_id = p.id and pa.agreement_id in (" + agreements + "))" + ownImages + " order by p.id")
                .formatted(copies.liveSchema());
        List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
        return rows.stream().map(row -> new PageKey(((Number) row[0]).longValue(), (String) row[1])).toList();
    }
}
