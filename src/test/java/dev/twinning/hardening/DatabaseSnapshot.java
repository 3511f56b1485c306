package dev.twinning.hardening;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.quarkus.arc.Arc;

/**
 * Row counts, and the sum of versions where rows have one, of every table a request can change: equal
 * snapshots before and after a rejected request mean it changed nothing.
 */
public record DatabaseSnapshot(Map<String, Long> figures) {

    private static final String QUERY = """
            select 'cities', count(*), coalesce(sum(version), 0) from cities
            union all select 'agreements', count(*), coalesce(sum(version), 0) from agreements
            union all select 'signatories', count(*), coalesce(sum(version), 0) from signatories
            union all select 'pages', count(*), coalesce(sum(version), 0) from pages
            union all select 'users', count(*), coalesce(sum(version), 0) from users
            union all select 'agreement_signatories', count(*), 0 from agreement_signatories
            union all select 'page_agreements', count(*), 0 from page_agreements
            union all select 'survey_votes', count(*), 0 from survey_votes
            union all select 'survey_daily_counts', count(*), coalesce(sum(votes), 0) from survey_daily_counts
            union all select 'audit_log', count(*), 0 from audit_log
            """;

    public static DatabaseSnapshot take() {
        Map<String, Long> figures = new LinkedHashMap<>();
        DataSource dataSource = Arc.container().instance(DataSource.class).get();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(QUERY)) {
            while (rows.next()) {
                figures.put(rows.getString(1) + ".rows", rows.getLong(2));
                figures.put(rows.getString(1) + ".versions", rows.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new DatabaseSnapshot(figures);
    }

    /** Deletes the failed-login records a test made, so that later tests may log in again. */
    public static void forgetFailedLogins() {
        DataSource dataSource = Arc.container().instance(DataSource.class).get();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("delete from login_failures");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
