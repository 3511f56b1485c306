package dev.twinning.survey;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;

/** Counts accepted votes per rating once their transaction has committed, so a rolled-back vote never counts. */
@Singleton
public class SurveyMetrics {

    private final MeterRegistry registry;

    public SurveyMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void onVote(@Observes(during = TransactionPhase.AFTER_SUCCESS) VoteAccepted vote) {
        registry.counter("twinning.survey.votes.accepted", "rating", vote.rating().name()).increment();
    }

    /** Fired inside the voting transaction. */
    public record VoteAccepted(Rating rating) {
    }
}
