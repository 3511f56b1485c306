package dev.twinning.agreement;

/** Whether an agreement is in force. */
public enum AgreementStatus {
    ACTIVE,
    SUSPENDED,
    ENDED
}
