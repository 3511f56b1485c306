package dev.twinning.survey;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.twinning.database.DatabaseReady;

/** Loads the survey settings before the first request (and before the seed adds its votes). */
@Singleton
public class SurveySetup {

    private final SurveyService service;

    public SurveySetup(SurveyService service) {
        this.service = service;
    }

    void onStart(@Observes @Priority(1) DatabaseReady event) {
        service.prepare();
    }
}
