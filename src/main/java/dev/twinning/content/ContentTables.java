package dev.twinning.content;

import java.util.List;

/**
 * The tables that hold one content type, as the workflow copies, checks and labels them. The same names exist
 * in the published schema and in {@code working}.
 *
 * @param table the record's own table, keyed by {@code id}
 * @param label SQL for a human label of a row of {@code table} (the trash lists it)
 * @param children tables whose rows belong to the record and are published with it
 * @param references links to other content that must be public while this record is (and that the record
 *        needs back when it leaves the trash)
 */
public record ContentTables(String table, String label, List<Child> children, List<Reference> references) {

    /** Rows of {@code table} owned by the record whose id is in {@code owner}. */
    public record Child(String table, String owner) {
    }

    /**
     * In {@code table}, rows owned by the record through {@code owner} ({@code id} for the record's own row)
     * name a record of {@code target} (a collection) in {@code column}.
     */
    public record Reference(String table, String owner, String column, String target) {
    }
}
