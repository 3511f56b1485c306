package dev.twinning.common;

import static dev.twinning.user.Staff.asAdmin;
import static org.hamcrest.Matchers.is;

/**
 * What If-Match promises on an admin-managed record (SPEC): on PATCH and DELETE a stale tag is a 412 problem that
 * changes nothing, the current tag goes ahead, and a PATCH answers with the ETag the next GET gives. Deletes the
 * record at the end.
 */
public final class IfMatchGuard {

    private IfMatchGuard() {
    }

    /**
     * @param refusedPatch a change sent with a stale tag, after which {@code unchangedField} still reads
     *        {@code unchangedValue}
     * @param acceptedPatch a change sent with the current tag, after which {@code changedField} reads
     *        {@code changedValue}
     */
    public static void holdsFor(String path, String refusedPatch, String unchangedField, Object unchangedValue,
            String acceptedPatch, String changedField, Object changedValue) {
        String seen = asAdmin().get(path).then().statusCode(200).extract().header("ETag");

        asAdmin().header("If-Match", "\"not-the-current-one\"").contentType("application/merge-patch+json")
                .body(refusedPatch).patch(path).then()
                .statusCode(412).contentType("application/problem+json");
        asAdmin().get(path).then().body(unchangedField, is(unchangedValue)).header("ETag", is(seen));

        String written = asAdmin().header("If-Match", seen).contentType("application/merge-patch+json")
                .body(acceptedPatch).patch(path).then()
                .statusCode(200).body(changedField, is(changedValue)).extract().header("ETag");
        asAdmin().get(path).then().header("ETag", is(written));

        asAdmin().header("If-Match", seen).delete(path).then().statusCode(412).contentType("application/problem+json");
        asAdmin().get(path).then().statusCode(200);
        asAdmin().header("If-Match", written).delete(path).then().statusCode(204);
        asAdmin().get(path).then().statusCode(404);
    }
}
