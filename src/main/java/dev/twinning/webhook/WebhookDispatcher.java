package dev.twinning.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.BodyCodec;

import dev.twinning.common.cache.CacheInvalidation;
import dev.twinning.database.DatabaseNotReady;

/**
 * Sends the outbox's due deliveries. Any instance may: a worker claims due rows with
 * {@code FOR UPDATE SKIP LOCKED}, leases them ({@code leased_until}) and commits before calling the endpoints, so
 * no row lock is held during an HTTP call and each attempt is made by one instance only. It runs when a change
 * that queued deliveries commits here, and every {@code twinning.webhook.poll-interval} for changes made on other
 * instances, retries and leases that expired with an instance that died mid-attempt.
 */
@ApplicationScoped
public class WebhookDispatcher {

    /** How long after a failed attempt the next one is made: after the first, about 5 s; after the seventh, none. */
    static final List<Duration> RETRIES = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int MAX_ERROR_LENGTH = 500;

    /** What an attempt came to: a status code, or an error without one. */
    record Outcome(Integer statusCode, String error, long durationMs) {

        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    private final DeliveryRepository deliveries;
    private final WebhookTargets targets;
    private final Vertx vertx;
    private final WebClient client;
    private final Duration timeout;
    private final int perEndpoint;
    private final int maxInFlight;
    private final Duration lease;
    private final Duration retention;
    private final CacheInvalidation invalidation;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong oldestDueMillis = new AtomicLong();
    private final Counter delivered;
    private final Counter failed;
    private final Timer duration;

    public WebhookDispatcher(DeliveryRepository deliveries, WebhookTargets targets, Vertx vertx, MeterRegistry registry,
            @ConfigProperty(name = "twinning.webhook.timeout") Duration timeout,
            @ConfigProperty(name = "twinning.webhook.concurrency-per-endpoint") int perEndpoint,
            @ConfigProperty(name = "twinning.webhook.max-in-flight") int maxInFlight,
            @ConfigProperty(name = "twinning.webhook.log-retention-days") int retentionDays, CacheInvalidation invalidation) {
        this.invalidation = invalidation;
        this.deliveries = deliveries;
        this.targets = targets;
        this.vertx = vertx;
        this.timeout = timeout;
        this.perEndpoint = perEndpoint;
        this.maxInFlight = maxInFlight;
        this.retention = Duration.ofDays(retentionDays);
        this.lease = timeout.multipliedBy(2).plusSeconds(30);
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setFollowRedirects(false)
                .setUserAgent("Twinning-Webhooks/1")
                .setConnectTimeout((int) Math.min(timeout.toMillis(), 10_000))
                .setMaxPoolSize(maxInFlight)
                .setTryUseCompression(false));
        this.delivered = Counter.builder("twinning.webhook.deliveries").tag("outcome", "delivered")
                .description("Webhook attempts answered with a 2xx").register(registry);
        this.failed = Counter.builder("twinning.webhook.deliveries").tag("outcome", "failed")
                .description("Webhook attempts that failed: another status, a timeout, a refused target")
                .register(registry);
        this.duration = Timer.builder("twinning.webhook.delivery.duration")
                .description("Time from sending a webhook attempt to its answer or failure").register(registry);
        Gauge.builder("twinning.webhook.queue.size", queued, AtomicLong::get)
                .description("Webhook deliveries due now and not yet sent").register(registry);
        Gauge.builder("twinning.webhook.queue.age.seconds", oldestDueMillis, millis -> millis.get() / 1000.0)
                .description("How long the oldest due webhook delivery has waited").register(registry);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Scheduled(every = "${twinning.webhook.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = DatabaseNotReady.class)
    void poll() {
        measureQueue();
        deliverDue();
    }

    /** Drops finished deliveries (and their attempts) older than the log's retention. */
    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = DatabaseNotReady.class)
    void purgeLog() {
        QuarkusTransaction.requiringNew().run(() -> deliveries.purgeFinished(retention));
    }

    /** Sends what is due soon, off the caller's thread (a transaction that just committed). */
    void wake() {
        vertx.executeBlocking(() -> {
            deliverDue();
            return null;
        }, false);
    }

    /**
     * Claims and starts the due deliveries, as many as the limits allow; answers how many it started. One run at
     * a time on an instance: a call during a run makes that run look once more instead.
     */
    public int deliverDue() {
        int started = 0;
        again.set(true);
        while (again.get() && running.compareAndSet(false, true)) {
            try {
                again.set(false);
                int room;
                while ((room = maxInFlight - inFlight.get()) > 0) {
                    int limit = room;
                    List<DeliveryRepository.Claimed> claimed = QuarkusTransaction.requiringNew()
                            .call(() -> deliveries.claim(limit, perEndpoint, lease));
                    if (claimed.isEmpty()) {
                        break;
                    }
                    // A receiver that reads the API on an event must not get an answer cached before it.
                    invalidation.awaitEverywhere();
                    claimed.forEach(this::send);
                    started += claimed.size();
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not claim webhook deliveries; the next poll tries again", e);
            } finally {
                running.set(false);
            }
        }
        return started;
    }

    /**
     * Makes one attempt without blocking; its outcome is recorded once, on a worker thread: the answer, or a
     * failure when none came within the timeout (Vert.x's own timeout only bounds the silences between bytes).
     */
    private void send(DeliveryRepository.Claimed delivery) {
        inFlight.incrementAndGet();
        AtomicBoolean done = new AtomicBoolean();
        long start = System.nanoTime();
        Consumer<Outcome> complete = outcome -> {
            if (done.compareAndSet(false, true)) {
                duration.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                vertx.executeBlocking(() -> {
                    finish(delivery, outcome);
                    return null;
                }, false);
            }
        };
        try {
            long timestamp = Instant.now().getEpochSecond();
            WebhookTargets.Target target = targets.resolve(delivery.url());
            String signature = sign(delivery, timestamp);
            long timer = vertx.setTimer(timeout.toMillis(), id -> complete.accept(new Outcome(null,
                    "No answer within " + timeout.toSeconds() + " s",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))));
            RequestOptions options = new RequestOptions()
                    .setHost(target.host())
                    .setPort(target.port())
                    .setSsl(target.https())
                    .setURI(target.path());
            client.request(HttpMethod.POST, SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()),
                    options)
                    .timeout(timeout.toMillis())
                    .putHeader("content-type", "application/json")
                    .putHeader("webhook-id", delivery.messageId())
                    .putHeader("webhook-timestamp", String.valueOf(timestamp))
                    .putHeader("webhook-signature", signature)
                    .as(BodyCodec.none())
                    .sendBuffer(Buffer.buffer(delivery.payload()))
                    .onComplete(result -> {
                        vertx.cancelTimer(timer);
                        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                        if (result.succeeded()) {
                            int status = result.result().statusCode();
                            complete.accept(new Outcome(status, status / 100 == 2 ? null : "HTTP " + status, millis));
                        } else {
                            complete.accept(new Outcome(null, describe(result.cause()), millis));
                        }
                    });
        } catch (WebhookTargets.Refused e) {
            complete.accept(new Outcome(null, "Not sent: " + e.getMessage(), 0));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Webhook delivery %d could not be sent", delivery.id());
            complete.accept(new Outcome(null, "Not sent: the request could not be made", 0));
        }
    }

    /** The Standard Webhooks signature: with the current secret, and the previous one for a day after a rotation. */
    private static String sign(DeliveryRepository.Claimed delivery, long timestamp) {
        List<String> signatures = new ArrayList<>();
        for (String secret : delivery.secrets()) {
            try {
                signatures.add(new Webhook(secret).sign(delivery.messageId(), timestamp, delivery.payload()));
            } catch (WebhookSigningException e) {
                throw new IllegalStateException("A delivery could not be signed", e);
            }
        }
        return String.join(" ", signatures);
    }

    private void finish(DeliveryRepository.Claimed delivery, Outcome outcome) {
        try {
            QuarkusTransaction.requiringNew().run(() -> record(delivery, outcome));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not record attempt %d of webhook delivery %d; its lease expires and it is tried again",
                    delivery.attempt(), delivery.id());
        } finally {
            inFlight.decrementAndGet();
        }
        (outcome.delivered() ? delivered : failed).increment();
        deliverDue();
    }

    /**
     * Logs the attempt and decides what follows: done on a 2xx; on a 410 the endpoint is disabled; otherwise
     * the next retry, or failed after the last.
     */
    private void record(DeliveryRepository.Claimed delivery, Outcome outcome) {
        boolean gone = Integer.valueOf(410).equals(outcome.statusCode());
        String state;
        Duration retryIn = null;
        if (outcome.delivered()) {
            state = "DELIVERED";
        } else if (gone || delivery.attempt() > RETRIES.size()) {
            state = "FAILED";
        } else {
            state = "PENDING";
            retryIn = RETRIES.get(delivery.attempt() - 1);
        }
        boolean recorded = deliveries.recordAttempt(delivery.id(), delivery.attempt(), outcome.statusCode(),
                outcome.error() == null ? null : truncate(outcome.error()), outcome.durationMs(), state, retryIn);
        if (recorded && gone) {
            deliveries.disable(delivery.webhookId(), "The endpoint answered 410 Gone to delivery " + delivery.id() + " at "
                    + Instant.now() + "; enable it again with PATCH {\"enabled\": true}");
        }
    }

    /** Refreshes the queue gauges: deliveries due now, and the wait of the oldest. */
    void measureQueue() {
        try {
            long[] queue = QuarkusTransaction.requiringNew().call(deliveries::queue);
            queued.set(queue[0]);
            oldestDueMillis.set(queue[1]);
        } catch (RuntimeException e) {
            LOG.debug("Could not measure the webhook queue", e);
        }
    }

    private static String describe(Throwable cause) {
        String name = cause.getClass().getSimpleName();
        String message;
        if (name.contains("Timeout")) {
            message = "No answer within the timeout";
        } else if (name.contains("Connect") || cause instanceof java.net.ConnectException) {
            message = "Could not connect: " + cause.getMessage();
        } else {
            message = "The request failed: " + cause.getMessage();
        }
        return truncate(message);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
