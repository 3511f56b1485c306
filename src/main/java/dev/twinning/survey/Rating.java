package dev.twinning.survey;

/** The five answers of the satisfaction widget, best first. */
public enum Rating {
    VERY_SATISFIED,
    SATISFIED,
    AVERAGE,
    UNSATISFIED,
    VERY_UNSATISFIED
}
