package dev.twinning.content;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/**
 * Switches a transaction between the published tables (the application's schema, what public reads use) and
 * the working copies (the identical tables of the schema named after it with {@code _working}, first on the
 * search path). The
 * switch is {@code set_config(..., true)}: it ends with the transaction, so a pooled connection always comes
 * back reading published content.
 */
@ApplicationScoped
public class WorkingCopies {

    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    /** The app's schema (published tables) and the working copies' schema, quoted for SQL, and the latter's name. */
    private record Schemas(String live, String working, String workingName) {
    }

    private final EntityManager em;
    private volatile Schemas schemas;

    public WorkingCopies(EntityManager em) {
        this.em = em;
    }

    /** Whether the current thread is working on working copies (representations then carry {@code publication}). */
    public static boolean active() {
        return DEPTH.get()[0] > 0;
    }

    /** Runs the work in a transaction (joining the current one) on the working copies. */
    public <T> T run(Callable<T> work) throws Exception {
        try {
            return QuarkusTransaction.joiningExisting().call(() -> {
                int[] depth = DEPTH.get();
                if (depth[0] == 0) {
                    searchPath(workingPath());
                }
                depth[0]++;
                try {
                    return work.call();
                } finally {
                    depth[0]--;
                }
            });
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The application's own schema, where the published tables are, quoted for SQL. */
    public String liveSchema() {
        return schemas().live();
    }

    /**
     * The schema of the working copies (migration V14): the application's own with {@code _working} appended,
     * so that apps in several schemas of one database each have theirs. Quoted for SQL.
     */
    public String workingSchema() {
        return schemas().working();
    }

    /** The working copies' schema as the catalog names it. */
    String workingSchemaName() {
        return schemas().workingName();
    }

    private String workingPath() {
        return workingSchema() + ", " + liveSchema();
    }

    /** Read once, the first time a transaction switches, before it does. */
    private Schemas schemas() {
        Schemas known = schemas;
        if (known == null) {
            Object[] row = (Object[]) em.createNativeQuery(
                    "select quote_ident(current_schema()), quote_ident(current_schema() || '_working'), current_schema() || '_working'")
                    .getSingleResult();
            known = new Schemas((String) row[0], (String) row[1], (String) row[2]);
            schemas = known;
        }
        return known;
    }

    /** Runs statements against the published tables (triggers included) inside a working-copy transaction. */
    void onLiveTables(Runnable work) {
        searchPath(liveSchema());
        try {
            work.run();
        } finally {
            searchPath(workingPath());
        }
    }

    private void searchPath(String path) {
        em.createNativeQuery("select set_config('search_path', ?1, true)").setParameter(1, path).getSingleResult();
    }
}
