package dev.twinning.survey;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import dev.twinning.page.Page;

@ApplicationScoped
public class SurveyRepository implements PanacheRepository<SurveyVote> {

    /** Adds {@code count} votes of one rating to a page in one statement; returns how many were added. */
    public int addVotes(Page page, Rating rating, int count) {
        return getEntityManager()
                .createNativeQuery("insert into survey_votes (page_id, rating) select ?1, ?2 from generate_series(1, ?3)")
                .setParameter(1, page.id)
                .setParameter(2, rating.name())
                .setParameter(3, count)
                .executeUpdate();
    }

    /** Vote counts of every page by rating, keyed by page id. */
    public Map<Long, Map<Rating, Long>> countsByPage() {
        Map<Long, Map<Rating, Long>> counts = new HashMap<>();
        getEntityManager()
                .createQuery("select v.page.id, v.rating, count(v) from SurveyVote v group by v.page.id, v.rating",
                        Object[].class)
                .getResultList()
                .forEach(row -> counts.computeIfAbsent((Long) row[0], id -> new EnumMap<>(Rating.class)).put((Rating) row[1],
                        (Long) row[2]));
        return counts;
    }

    public Map<Rating, Long> countsFor(Page page) {
        Map<Rating, Long> counts = new EnumMap<>(Rating.class);
        getEntityManager()
                .createQuery("select v.rating, count(v) from SurveyVote v where v.page = :page group by v.rating",
                        Object[].class)
                .setParameter("page", page)
                .getResultList()
                .forEach(row -> counts.put((Rating) row[0], (Long) row[1]));
        return counts;
    }
}
