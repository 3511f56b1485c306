package dev.twinning.survey;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import dev.twinning.common.query.Ids;
import dev.twinning.page.Page;

/**
 * Votes and their per-page, per-day counters. Aggregates read only the counters, which a database trigger
 * keeps exact in the same transaction as each insert into survey_votes.
 */
@ApplicationScoped
public class SurveyRepository implements PanacheRepository<SurveyVote> {

    /** Vote counts of one page by rating, all time or within the inclusive day window. */
    public Map<Rating, Long> countsFor(Page page, LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return countsFor(page);
        }
        Map<Rating, Long> counts = new EnumMap<>(Rating.class);
        rows(windowed("select rating, sum(votes) from survey_daily_counts where page_id = :page", page.id, from, to,
                " group by rating"))
                .forEach(row -> counts.put(Rating.valueOf((String) row[0]), ((Number) row[1]).longValue()));
        return counts;
    }

    /** All-time vote counts of one page by rating: five rows at most, however many votes. */
    public Map<Rating, Long> countsFor(Page page) {
        Map<Rating, Long> counts = new EnumMap<>(Rating.class);
        rows(getEntityManager().createNativeQuery("select rating, votes from survey_totals where page_id = ?1")
                .setParameter(1, page.id))
                .forEach(row -> counts.put(Rating.valueOf((String) row[0]), ((Number) row[1]).longValue()));
        return counts;
    }

    /** A page's key and its vote counts by rating. */
    public record PageCounts(String key, Map<Rating, Long> counts) {
    }

    /** The key and all-time vote counts of the page with this id or key, in one statement; empty when there is none. */
    public Optional<PageCounts> allTimeFor(String idOrKey) {
        Optional<Long> id = Ids.parse(idOrKey);
        String key = idOrKey.toLowerCase(Locale.ROOT);
        if (id.isEmpty() && !Ids.isKey(key)) {
            return Optional.empty();
        }
        List<Object[]> rows = rows(getEntityManager()
                .createNativeQuery("select p.key, t.rating, t.votes from pages p"
                        + " left join survey_totals t on t.page_id = p.id where "
                        + (id.isPresent() ? "p.id = ?1" : "p.key = ?1"))
                .setParameter(1, id.isPresent() ? id.get() : key));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<Rating, Long> counts = new EnumMap<>(Rating.class);
        rows.stream().filter(row -> row[1] != null)
                .forEach(row -> counts.put(Rating.valueOf((String) row[1]), ((Number) row[2]).longValue()));
        return Optional.of(new PageCounts((String) rows.get(0)[0], counts));
    }

    /** Vote counts of every page with votes by rating, keyed by page id. */
    public Map<Long, Map<Rating, Long>> countsByPage(LocalDate from, LocalDate to) {
        Map<Long, Map<Rating, Long>> counts = new HashMap<>();
        Query query = from == null && to == null
                ? getEntityManager().createNativeQuery("select page_id, rating, votes from survey_totals")
                : windowed("select page_id, rating, sum(votes) from survey_daily_counts where true", null, from, to,
                        " group by page_id, rating");
        rows(query)
                .forEach(row -> counts.computeIfAbsent(((Number) row[0]).longValue(), id -> new EnumMap<>(Rating.class))
                        .put(Rating.valueOf((String) row[1]), ((Number) row[2]).longValue()));
        return counts;
    }

    /** Vote counts of one page by day and rating, within the inclusive day window. */
    public Map<LocalDate, Map<Rating, Long>> dailyCounts(Page page, LocalDate from, LocalDate to) {
        Map<LocalDate, Map<Rating, Long>> counts = new HashMap<>();
        rows(windowed("select day, rating, votes from survey_daily_counts where page_id = :page", page.id, from, to, ""))
                .forEach(row -> counts.computeIfAbsent((LocalDate) row[0], d -> new EnumMap<>(Rating.class))
                        .put(Rating.valueOf((String) row[1]), ((Number) row[2]).longValue()));
        return counts;
    }

    /** Records that a visitor voted on a page on a day; false when they already had. */
    public boolean claimVisitorDay(Page page, LocalDate day, byte[] visitorHash) {
        return getEntityManager()
                .createNativeQuery("insert into survey_visitor_days (page_id, day, visitor_hash) values (?1, ?2, ?3)"
                        + " on conflict do nothing")
                .setParameter(1, page.id)
                .setParameter(2, day)
                .setParameter(3, visitorHash)
                .executeUpdate() == 1;
    }

    public int purgeVisitorDaysBefore(LocalDate day) {
        return getEntityManager().createNativeQuery("delete from survey_visitor_days where day < ?1")
                .setParameter(1, day)
                .executeUpdate();
    }

    /** Adds {@code count} votes of one rating to a page in one statement; returns how many were added. */
    public int addVotes(Page page, Rating rating, int count) {
        return getEntityManager()
                .createNativeQuery("insert into survey_votes (page_id, rating) select ?1, ?2 from generate_series(1, ?3)")
                .setParameter(1, page.id)
                .setParameter(2, rating.name())
                .setParameter(3, count)
                .executeUpdate();
    }

    /** The stored time zone and salt, if the settings row exists (locked until the transaction ends). */
    public Optional<Object[]> lockSettings() {
        getEntityManager().createNativeQuery("lock table survey_settings in exclusive mode").executeUpdate();
        List<?> rows = getEntityManager().createNativeQuery("select time_zone, salt from survey_settings").getResultList();
        return rows.stream().map(Object[].class::cast).findFirst();
    }

    public void insertSettings(String timeZone, byte[] salt) {
        getEntityManager().createNativeQuery("insert into survey_settings (time_zone, salt) values (?1, ?2)")
                .setParameter(1, timeZone)
                .setParameter(2, salt)
                .executeUpdate();
    }

    /** Switches the day boundaries to another time zone, recounting every vote by day (totals do not depend on it). */
    public void recountIn(String timeZone) {
        getEntityManager().createNativeQuery("update survey_settings set time_zone = ?1").setParameter(1, timeZone)
                .executeUpdate();
        getEntityManager().createNativeQuery("delete from survey_daily_counts").executeUpdate();
        getEntityManager().createNativeQuery("insert into survey_daily_counts (page_id, day, rating, votes)"
                + " select page_id, (created_at at time zone ?1)::date, rating, count(*) from survey_votes group by 1, 2, 3")
                .setParameter(1, timeZone)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private Query windowed(String select, Long pageId, LocalDate from, LocalDate to, String groupBy) {
        Query query = getEntityManager().createNativeQuery(
                select + (from != null ? " and day >= :from" : "") + (to != null ? " and day <= :to" : "") + groupBy);
        if (pageId != null) {
            query.setParameter("page", pageId);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query;
    }
}
