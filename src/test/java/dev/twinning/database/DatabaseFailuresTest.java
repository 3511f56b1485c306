package dev.twinning.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatabaseFailuresTest {

    @ParameterizedTest
    @CsvSource({"08001,true", "08006,true", "57P01,true", "57P03,true", "57014,true", "28P01,true", "3D000,true",
            "23505,false", "22001,false", "42P01,false"})
    void classifiesBySqlState(String state, boolean unavailable) {
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new SQLException("x", state)))).isEqualTo(unavailable);
    }

    /** A commit cut by a server shutdown surfaces as a rollback with the driver's error only among the suppressed. */
    @Test
    void findsTheCauseAmongSuppressedExceptions() {
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("terminating connection due to administrator command", "57P01"));
        RuntimeException rollback = new RuntimeException("Could not commit transaction");
        rollback.addSuppressed(xa);
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(rollback))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException("unrelated"))).isFalse();
    }
}
