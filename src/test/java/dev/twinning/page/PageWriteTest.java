package dev.twinning.page;

import static dev.twinning.user.Staff.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PageWriteTest {

    @Test
    void createPatchAndDeleteAPage() {
        List<Integer> sister = given().get("/api/v1/agreements?type=SISTER_CITY").path("items.id");
        try {
            asEditor().contentType("application/json")
                    .body("{\"key\":\"sister-cities-only\",\"title\":\"Sister Cities\",\"agreementIds\":[" + sister.get(1) + ","
                            + sister.get(0) + "]}")
                    .post("/api/v1/pages?publish=true").then()
                    .statusCode(201)
                    .header("Location", endsWith("/api/v1/pages/sister-cities-only"))
                    .body("agreements.partnerCity.name", contains("Khabarovsk", "Harbin"))
                    .body("survey.participants", is(0));

            asEditor().contentType("application/merge-patch+json").body("{\"title\":\"Our Sister Cities\",\"agreementIds\":[]}")
                    .patch("/api/v1/pages/sister-cities-only?publish=true").then()
                    .statusCode(200)
                    .body("title", is("Our Sister Cities"))
                    .body("agreements", org.hamcrest.Matchers.empty());
            asEditor().delete("/api/v1/pages/sister-cities-only").then().statusCode(204);
            given().get("/api/v1/pages/sister-cities-only").then().statusCode(404);
        } finally {
            asEditor().delete("/api/v1/pages/sister-cities-only");
        }
    }

    @Test
    void reorderingAndDeletingPresentedAgreementsKeepsThePageConsistent() {
        int city = asEditor().contentType("application/json")
                .body("{\"slug\":\"page-order-test\",\"name\":\"Order\",\"country\":\"PL\"}")
                .post("/api/v1/cities?publish=true").then().statusCode(201).extract().path("id");
        int bucheon = given().get("/api/v1/cities/bucheon").path("id");
        int sister = createAgreement(bucheon, city, "SISTER_CITY");
        int friendship = createAgreement(bucheon, city, "FRIENDSHIP_CITY");
        int harbin = given().get("/api/v1/agreements?country=CN&type=SISTER_CITY").path("items[0].id");
        try {
            asEditor().contentType("application/json")
                    .body("{\"key\":\"order-test\",\"title\":\"Order\",\"agreementIds\":[" + sister + "," + friendship + ","
                            + harbin + "]}")
                    .post("/api/v1/pages?publish=true").then().statusCode(201);
            asEditor().contentType("application/merge-patch+json")
                    .body("{\"agreementIds\":[" + harbin + "," + friendship + "," + sister + "]}")
                    .patch("/api/v1/pages/order-test?publish=true").then()
                    .statusCode(200)
                    .body("agreements.id", contains(harbin, friendship, sister));

            asEditor().delete("/api/v1/agreements/" + sister).then().statusCode(204);
            given().get("/api/v1/pages/order-test").then().body("agreements.id", contains(harbin, friendship));
            asEditor().contentType("application/merge-patch+json").body("{\"title\":\"Order again\"}")
                    .patch("/api/v1/pages/order-test?publish=true").then().statusCode(200)
                    .body("agreements.id", contains(harbin, friendship));
            dev.twinning.user.Staff.asAdmin().get("/api/v1/export").then().statusCode(200);
        } finally {
            asEditor().delete("/api/v1/pages/order-test");
            asEditor().delete("/api/v1/agreements/" + sister);
            asEditor().delete("/api/v1/agreements/" + friendship);
            asEditor().delete("/api/v1/cities/page-order-test");
        }
    }

    private static int createAgreement(int home, int partner, String type) {
        return asEditor().contentType("application/json")
                .body("{\"homeCityId\":" + home + ",\"partnerCityId\":" + partner + ",\"type\":\"" + type + "\"}")
                .post("/api/v1/agreements?publish=true").then().statusCode(201).extract().path("id");
    }

    @Test
    void aTakenKeyIs409AndUnknownAgreementsAre400() {
        asEditor().contentType("application/json").body("{\"key\":\"friendship-cities\",\"title\":\"Again\"}")
                .post("/api/v1/pages?publish=true").then().statusCode(409).contentType("application/problem+json");
        asEditor().contentType("application/json").body("{\"key\":\"new-page\",\"title\":\"New\",\"agreementIds\":[999999]}")
                .post("/api/v1/pages?publish=true").then().statusCode(400).body("errors.field", contains("agreementIds[0]"));
        asEditor().contentType("application/json").body("{\"key\":\"Bad Key\",\"title\":\"\"}")
                .post("/api/v1/pages?publish=true").then().statusCode(400).body("errors.field", contains("key", "title"));
        given().get("/api/v1/pages").then().body("total", is(2));
    }
}
