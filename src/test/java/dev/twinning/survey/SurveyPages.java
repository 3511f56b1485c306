package dev.twinning.survey;

import static dev.twinning.user.Staff.asAdmin;

import java.util.List;
import java.util.Map;

/** Pages the survey tests create (through the import, with seeded votes) and delete again. */
final class SurveyPages {

    private SurveyPages() {
    }

    static void create(String key, Map<String, Integer> votes) {
        asAdmin().contentType("application/json")
                .body(Map.of("cities", List.of(), "signatories", List.of(), "agreements", List.of(),
                        "pages", List.of(Map.of("key", key, "title", "Survey test " + key, "votes", votes))))
                .post("/api/v1/import").then().statusCode(200);
    }

    static void delete(String key) {
        asAdmin().delete("/api/v1/pages/" + key).then().statusCode(org.hamcrest.Matchers.oneOf(204, 404));
    }
}
