package dev.twinning.survey;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;

import dev.twinning.common.error.InvalidInputException;
import dev.twinning.common.error.ResourceNotFoundException;
import dev.twinning.common.error.TooManyRequestsException;
import dev.twinning.database.DatabaseNotReady;
import dev.twinning.page.Page;
import dev.twinning.page.PageRepository;

@ApplicationScoped
public class SurveyService {

    static final int MAX_VISITOR_ID_LENGTH = 128;
    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;
    private static final Logger LOG = Logger.getLogger(SurveyService.class);

    private final PageRepository pages;
    private final SurveyRepository survey;
    private final Visitors visitors;
    private final SurveyConfig config;
    private final ZoneId zone;
    private final Event<SurveyMetrics.VoteAccepted> accepted;

    public SurveyService(PageRepository pages, SurveyRepository survey, Visitors visitors, SurveyConfig config,
            Event<SurveyMetrics.VoteAccepted> accepted) {
        this.accepted = accepted;
        this.pages = pages;
        this.survey = survey;
        this.visitors = visitors;
        this.config = config;
        this.zone = ZoneId.of(config.timeZone());
    }

    /** Stores the time zone and a visitor-hash salt on first start; recounts the days when the zone changed. */
    @Transactional
    public void prepare() {
        Optional<Object[]> stored = survey.lockSettings();
        byte[] salt;
        if (stored.isEmpty()) {
            salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            survey.insertSettings(zone.getId(), salt);
            survey.recountIn(zone.getId());
        } else {
            salt = (byte[]) stored.get()[1];
            if (!zone.getId().equals(stored.get()[0])) {
                LOG.warnf("Survey time zone changed from %s to %s; recounting votes by day", stored.get()[0], zone.getId());
                survey.recountIn(zone.getId());
            }
        }
        visitors.useSalt(salt);
    }

    @Transactional
    public VoteResponse vote(String idOrKey, Rating rating, String visitorId, String clientAddress, String userAgent) {
        String visitor = visitorId == null || visitorId.isBlank() ? null : visitorId.trim();
        if (visitor != null && visitor.length() > MAX_VISITOR_ID_LENGTH) {
            throw new InvalidInputException("X-Visitor-Id", "must be at most " + MAX_VISITOR_ID_LENGTH + " characters");
        }
        Page page = find(idOrKey);
        if (config.limitsEnabled()
                && !survey.claimVisitorDay(page, today(), visitors.hash(visitor, clientAddress, userAgent))) {
            throw new TooManyRequestsException("You have already rated this page today; thank you", secondsUntilTomorrow());
        }
        SurveyVote vote = new SurveyVote();
        vote.page = page;
        vote.rating = rating;
        survey.persist(vote);
        accepted.fire(new SurveyMetrics.VoteAccepted(rating));
        // The counting trigger runs with the insert, so the totals read back in this transaction include the vote.
        survey.flush();
        return new VoteResponse(page.key, rating, vote.createdAt, allTime(page.key));
    }

    /** A page's all-time result, from the counters the vote trigger keeps. */
    private SurveyResult allTime(String idOrKey) {
        return survey.allTimeFor(idOrKey).map(found -> SurveyResult.of(found.key(), found.counts()))
                .orElseThrow(() -> new ResourceNotFoundException("page", idOrKey));
    }

    public SurveyResult result(String idOrKey, SurveyQuery query) {
        SurveyQuery.Window window = query.window();
        if (window.from() == null && window.to() == null) {
            return allTime(idOrKey);
        }
        Page page = find(idOrKey);
        return SurveyResult.of(page.key, survey.countsFor(page, window.from(), window.to()));
    }

    public SurveyResults results(SurveyQuery query) {
        SurveyQuery.Window window = query.window();
        Map<Long, Map<Rating, Long>> counts = survey.countsByPage(window.from(), window.to());
        return new SurveyResults(pages.listAll(Sort.by("key")).stream()
                .map(page -> SurveyResult.of(page.key, counts.getOrDefault(page.id, Map.of())))
                .toList());
    }

    public DailySurvey daily(String idOrKey, SurveyQuery query) {
        SurveyQuery.Window window = query.window();
        LocalDate to = window.to() != null
                ? window.to()
                : window.from() != null ? window.from().plusDays(DEFAULT_DAYS - 1) : today();
        LocalDate from = window.from() != null ? window.from() : to.minusDays(DEFAULT_DAYS - 1);
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInputException("from", "the window may span at most " + MAX_DAYS + " days");
        }
        Page page = find(idOrKey);
        return DailySurvey.of(page.key, from, to, survey.dailyCounts(page, from, to));
    }

    /** Visitor-day records only matter for the current day; older ones are deleted. */
    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = DatabaseNotReady.class)
    @Transactional
    void purgeOldVisitorDays() {
        survey.purgeVisitorDaysBefore(today().minusDays(1));
    }

    private LocalDate today() {
        return LocalDate.now(zone);
    }

    private long secondsUntilTomorrow() {
        ZonedDateTime now = ZonedDateTime.now(zone);
        return Math.max(1, Duration.between(now, today().plusDays(1).atStartOfDay(zone)).toSeconds());
    }

    private Page find(String idOrKey) {
        return pages.findByIdOrKey(idOrKey).orElseThrow(() -> new ResourceNotFoundException("page", idOrKey));
    }
}
