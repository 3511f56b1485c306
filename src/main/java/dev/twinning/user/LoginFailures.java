package dev.twinning.user;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.scheduler.Scheduled;

import dev.twinning.database.DatabaseNotReady;

/**
 * Failed logins per user and per client address, kept in the database so that the limit holds across every
 * instance: after {@code max-failures} within {@code window}, further attempts wait until the oldest of those
 * failures leaves the window.
 */
@ApplicationScoped
public class LoginFailures {

    private static final int MAX_SUBJECT_LENGTH = 120;

    private final EntityManager entityManager;
    private final int maxFailures;
    private final Duration window;

    public LoginFailures(EntityManager entityManager,
            @ConfigProperty(name = "twinning.login.max-failures", defaultValue = "10") int maxFailures,
            @ConfigProperty(name = "twinning.login.failure-window", defaultValue = "15M") Duration window) {
        this.entityManager = entityManager;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /**
     * Begins a password check for the user from the address. Under a transaction-long lock on each subject, it
     * checks that neither has reached the limit and, if not, counts this attempt as a failure until {@link
     * #succeeded} says otherwise. Concurrent guesses therefore cannot pass the limit: at most {@code max-failures}
     * attempts per user and per address are unconfirmed at any time.
     */
    @Transactional
    public Attempt begin(String username, String address) {
        List<String> subjects = subjects(username, address);
        OptionalLong wait = lockAndCheck(subjects);
        if (wait.isPresent()) {
            return new Attempt(wait, List.of(), username);
        }
        return new Attempt(wait, subjects.stream().map(this::insert).toList(), username);
    }

    /** A successful login: its attempt was no failure, and the user's earlier failures are forgotten. */
    @Transactional
    public void succeeded(Attempt attempt) {
        entityManager.createNativeQuery("delete from login_failures where id = any(:ids) or subject = :subject")
                .setParameter("ids", attempt.failureIds().toArray(Long[]::new))
                .setParameter("subject", userSubject(attempt.username()))
                .executeUpdate();
    }

    /**
     * A wrong API token: counts it against the address, or says how long the address must wait if it has reached
     * the limit (and then counts nothing more). Counted apart from password logins, so that a script retrying a
     * revoked token does not lock its colleagues behind the same address out of logging in.
     */
    @Transactional
    public OptionalLong wrongTokenFrom(String address) {
        List<String> subjects = List.of(truncate("token-address:" + address));
        OptionalLong wait = lockAndCheck(subjects);
        if (wait.isEmpty()) {
            insert(subjects.get(0));
        }
        return wait;
    }

    /** The outcome of {@link #begin}: a wait (throttled), or the failure rows that count this attempt. */
    public record Attempt(OptionalLong secondsToWait, List<Long> failureIds, String username) {
    }

    /** Seconds until every subject may try again, or empty when none is throttled; holds their locks. */
    private OptionalLong lockAndCheck(List<String> subjects) {
        // Sorted, so that two attempts sharing subjects take the locks in the same order.
        for (String subject : subjects.stream().sorted().toList()) {
            entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:subject, 0))")
                    .setParameter("subject", subject)
                    .getSingleResult();
        }
        Object seconds = entityManager.createNativeQuery("""
                select ceil(extract(epoch from max(until) - clock_timestamp()))::bigint from (
                    select (select failed_at from login_failures f
                            where f.subject = s.subject and f.failed_at > clock_timestamp() - make_interval(secs => :window)
                            order by f.failed_at desc offset :skip limit 1) + make_interval(secs => :window) as until
                    from unnest(cast(:subjects as varchar[])) as s(subject)) blocked
                """)
                .setParameter("window", window.toSeconds())
                .setParameter("skip", maxFailures - 1)
                .setParameter("subjects", subjects.toArray(String[]::new))
                .getSingleResult();
        return seconds == null ? OptionalLong.empty() : OptionalLong.of(Math.max(1, ((Number) seconds).longValue()));
    }

    private Long insert(String subject) {
        return ((Number) entityManager
                .createNativeQuery("insert into login_failures (subject) values (:subject) returning id")
                .setParameter("subject", subject)
                .getSingleResult()).longValue();
    }

    @Scheduled(every = "10m", delayed = "1m", skipExecutionIf = DatabaseNotReady.class)
    @Transactional
    void purgeExpired() {
        entityManager
                .createNativeQuery(
                        "delete from login_failures where failed_at < clock_timestamp() - make_interval(secs => :window)")
                .setParameter("window", window.toSeconds())
                .executeUpdate();
    }

    private static List<String> subjects(String username, String address) {
        return List.of(userSubject(username), addressSubject(address));
    }

    private static String addressSubject(String address) {
        return truncate("address:" + address);
    }

    private static String userSubject(String username) {
        return truncate("user:" + username.toLowerCase(Locale.ROOT));
    }

    /** Bounded, and without NUL, which PostgreSQL text cannot hold. */
    private static String truncate(String subject) {
        String clean = subject.replace('\0', '?');
        return clean.length() <= MAX_SUBJECT_LENGTH ? clean : clean.substring(0, MAX_SUBJECT_LENGTH);
    }
}
