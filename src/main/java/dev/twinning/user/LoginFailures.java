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

    /** Seconds until the user or the address may try again, or empty when neither is throttled. */
    @Transactional
    public OptionalLong secondsToWait(String username, String address) {
        Object seconds = entityManager.createNativeQuery("""
                select ceil(extract(epoch from max(until) - clock_timestamp()))::bigint from (
                    select (select failed_at from login_failures f
                            where f.subject = s.subject and f.failed_at > clock_timestamp() - make_interval(secs => :window)
                            order by f.failed_at desc offset :skip limit 1) + make_interval(secs => :window) as until
                    from unnest(cast(:subjects as varchar[])) as s(subject)) blocked
                """)
                .setParameter("window", window.toSeconds())
                .setParameter("skip", maxFailures - 1)
                .setParameter("subjects", subjects(username, address).toArray(String[]::new))
                .getSingleResult();
        return seconds == null ? OptionalLong.empty() : OptionalLong.of(Math.max(1, ((Number) seconds).longValue()));
    }

    @Transactional
    public void record(String username, String address) {
        for (String subject : subjects(username, address)) {
            entityManager.createNativeQuery("insert into login_failures (subject) values (:subject)")
                    .setParameter("subject", subject)
                    .executeUpdate();
        }
    }

    /** A successful login clears the user's failures; the address keeps its count. */
    @Transactional
    public void forgetUser(String username) {
        entityManager.createNativeQuery("delete from login_failures where subject = :subject")
                .setParameter("subject", userSubject(username))
                .executeUpdate();
    }

    @Scheduled(every = "10m", delayed = "1m")
    @Transactional
    void purgeExpired() {
        entityManager
                .createNativeQuery(
                        "delete from login_failures where failed_at < clock_timestamp() - make_interval(secs => :window)")
                .setParameter("window", window.toSeconds())
                .executeUpdate();
    }

    private static List<String> subjects(String username, String address) {
        return List.of(userSubject(username), truncate("address:" + address));
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
