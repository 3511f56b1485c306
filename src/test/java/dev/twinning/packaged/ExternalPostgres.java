package dev.twinning.packaged;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the packaged application at the external PostgreSQL server the build names (the failsafe
 * configuration in pom.xml, overridable with -Dit.datasource.url=...) and empties its schemas first, so
 * every run exercises the migrations and the seed on a fresh database.
 */
public class ExternalPostgres implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String url = System.getProperty("twinning.it.datasource.url");
        String username = System.getProperty("twinning.it.datasource.username");
        String password = System.getProperty("twinning.it.datasource.password");
        try (Connection connection = DriverManager.getConnection(url, username, password);
                Statement statement = connection.createStatement()) {
            // with the working copies of the editorial workflow (migration V14)
            statement.execute("drop schema if exists public_working cascade");
            statement.execute("drop schema if exists public cascade");
            statement.execute("create schema public");
        } catch (SQLException e) {
            throw new IllegalStateException("The external PostgreSQL server at " + url + " is not usable by "
                    + username + "; run .ci/run or create the role and database it needs", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", username,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
    }
}
