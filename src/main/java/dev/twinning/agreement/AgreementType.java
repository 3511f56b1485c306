package dev.twinning.agreement;

/** The kind of relationship an agreement establishes. */
public enum AgreementType {
    SISTER_CITY,
    FRIENDSHIP_CITY
}
