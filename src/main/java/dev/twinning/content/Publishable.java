package dev.twinning.content;

/** A record with a working copy and, once published, a live version: cities, agreements, signatories, pages. */
public interface Publishable {

    /** Where the record stands; never null (Hibernate loads a publication whose columns are all null as null). */
    Publication publication();
}
