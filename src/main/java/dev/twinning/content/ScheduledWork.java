package dev.twinning.content;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import dev.twinning.audit.AuditLog;
import dev.twinning.common.audit.AuditedEntity;
import dev.twinning.common.cache.CacheInvalidation;
import dev.twinning.database.DatabaseNotReady;

/**
 * Due publications and unpublications, and the trash's retention. Every instance runs the jobs; each due record
 * is taken in its own transaction with {@code FOR UPDATE SKIP LOCKED} and its schedule cleared in that
 * transaction, so it runs exactly once whatever the number of instances, and schedules survive restarts
 * because they are rows. The user of these changes is {@code system}.
 */
@ApplicationScoped
public class ScheduledWork {

    private static final Logger LOG = Logger.getLogger(ScheduledWork.class);

    private final Workflow workflow;
    private final Trash trash;
    private final WorkingCopies copies;
    private final AuditLog audit;
    private final EntityManager em;
    private final Duration retention;
    private final CacheInvalidation invalidation;

    public ScheduledWork(Workflow workflow, Trash trash, WorkingCopies copies, AuditLog audit, EntityManager em,
            @ConfigProperty(name = "twinning.trash.retention-days") int retentionDays, CacheInvalidation invalidation) {
        this.invalidation = invalidation;
        this.workflow = workflow;
        this.trash = trash;
        this.copies = copies;
        this.audit = audit;
        this.em = em;
        this.retention = Duration.ofDays(retentionDays);
    }

    @Scheduled(every = "${twinning.workflow.schedule-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = DatabaseNotReady.class)
    void runDueSchedules() {
        runDue();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = DatabaseNotReady.class)
    void purgeExpiredTrash() {
        purgeExpired();
    }

    /** Runs every due schedule: publications first (referenced types first), then unpublications. */
    @ActivateRequestContext
    public int runDue() {
        int done = 0;
        List<ContentType<?, ?>> referencedFirst = new ArrayList<>();
        workflow.inDependencyOrder().forEach(referencedFirst::add);
        for (ContentType<?, ?> type : referencedFirst) {
            done += drain(type, true);
        }
        List<ContentType<?, ?>> referencingFirst = new ArrayList<>(referencedFirst);
        Collections.reverse(referencingFirst);
        for (ContentType<?, ?> type : referencingFirst) {
            done += drain(type, false);
        }
        if (done > 0) {
            invalidation.awaitEverywhere();
        }
        return done;
    }

    /** Purges what has been in the trash longer than TWINNING_TRASH_RETENTION_DAYS. */
    @ActivateRequestContext
    public int purgeExpired() {
        int purged = 0;
        for (Trash.Item item : trash.expired(retention)) {
            try {
                QuarkusTransaction.requiringNew().run(() -> trash.purge(item.collection(), item.id()));
                purged++;
            } catch (RuntimeException e) {
                LOG.warnf("Could not purge %s %d from the trash: %s", item.collection(), item.id(), e.getMessage());
            }
        }
        return purged;
    }

    private int drain(ContentType<?, ?> type, boolean publish) {
        int done = 0;
        while (true) {
            AtomicLong taken = new AtomicLong(-1);
            try {
                boolean found = QuarkusTransaction.requiringNew().call(() -> copies.run(() -> runOne(type, publish, taken)));
                if (!found) {
                    return done;
                }
                done++;
            } catch (Exception e) {
                if (taken.get() < 0) {
                    throw new IllegalStateException("Due schedules could not be read", e);
                }
                fail(type, publish, taken.get(), e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private <E extends AuditedEntity & Publishable> boolean runOne(ContentType<E, ?> type, boolean publish, AtomicLong taken) {
        String column = publish ? "publish_at" : "unpublish_at";
        List<Number> due = em.createNativeQuery("select id from " + type.tables().table() + " where " + column
                + " <= now() and deleted_at is null order by " + column + ", id limit 1 for update skip locked")
                .getResultList();
        if (due.isEmpty()) {
            return false;
        }
        taken.set(due.get(0).longValue());
        E record = em.find(type.entity(), taken.get());
        if (publish) {
            workflow.publishNow(type, record);
        } else {
            workflow.unpublishNow(type, record);
        }
        return true;
    }

    /** A due change that cannot be made is dropped, with an audit entry saying so. */
    private void fail(ContentType<?, ?> type, boolean publish, long id, Exception e) {
        String column = publish ? "publish_at" : "unpublish_at";
        LOG.warnf("Scheduled %s of %s %d failed and is dropped: %s", publish ? "publication" : "unpublication",
                type.singular(), id, e.getMessage());
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                copies.run(() -> {
                    workflow.sql("update " + type.tables().table() + " set " + column + " = null where id = ?1", id);
                    audit.record(publish ? "PUBLISH_FAILED" : "UNPUBLISH_FAILED", type.collection(), id, null);
                    return null;
                });
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        });
    }
}
