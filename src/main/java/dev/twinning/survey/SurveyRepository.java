package dev.twinning.survey;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import dev.twinning.page.Page;

@ApplicationScoped
public class SurveyRepository implements PanacheRepository<SurveyVote> {

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
