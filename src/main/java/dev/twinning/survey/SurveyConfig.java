package dev.twinning.survey;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Survey settings (TWINNING_SURVEY_*). */
@ConfigMapping(prefix = "twinning.survey")
public interface SurveyConfig {

    /** The time zone whose calendar days the date filters, daily counts and vote limits use. */
    @WithDefault("Asia/Seoul")
    String timeZone();

    /** One vote per visitor, page and day; off for kiosks and load tests. */
    @WithDefault("true")
    boolean limitsEnabled();
}
