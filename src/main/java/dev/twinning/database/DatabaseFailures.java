package dev.twinning.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.JDBCConnectionException;

/** Tells a database that cannot be reached or is shutting down apart from a failed statement. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * True for connection failures (SQLSTATE class 08), a server shutting down or starting (57P01–57P03), a
     * statement cancelled by {@code statement_timeout} (57014), a pool that ran out of connections, and a
     * login the server refuses or a database it lacks (28xxx, 3D000): operators fix those without a restart.
     */
    public static boolean isUnavailable(Throwable error) {
        return isUnavailable(error, 0);
    }

    /** Follows causes and suppressed exceptions: a failed commit hides the driver's error among the latter. */
    private static boolean isUnavailable(Throwable error, int depth) {
        if (error == null || depth > 20) {
            return false;
        }
        if (error instanceof JDBCConnectionException || error instanceof SQLTransientConnectionException) {
            return true;
        }
        if (error instanceof SQLException sql && (isUnavailableState(sql.getSQLState())
                || (sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout")))) {
            return true;
        }
        for (Throwable suppressed : error.getSuppressed()) {
            if (isUnavailable(suppressed, depth + 1)) {
                return true;
            }
        }
        return error.getCause() != error && isUnavailable(error.getCause(), depth + 1);
    }

    private static boolean isUnavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("57014")
                || state.startsWith("28") || state.equals("3D000"));
    }

    /** A one-line reason for the log, without the stack trace that a known outage does not need. */
    public static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
