package dev.twinning.common.paging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class KeysetPagingTest {

    @ParameterizedTest
    @CsvSource({"/api/v1/cities,", "/api/v1/cities,CN", "/api/v1/agreements,", "/api/v1/agreements,CN"})
    void walkingWithAfterVisitsEveryItemOnceWithCorrectTotals(String list, String country) {
        JsonPath all = given().queryParam("size", 100).queryParam("country", country == null ? "" : country).get(list)
                .then().statusCode(200).extract().jsonPath();
        List<Integer> expected = new ArrayList<>(all.getList("items.id", Integer.class));
        expected.sort(Integer::compare);

        List<Integer> walked = new ArrayList<>();
        Object after = 0;
        int pages = 0;
        while (after != null && pages++ < 50) {
            JsonPath page = given().queryParam("after", after).queryParam("size", 3)
                    .queryParam("country", country == null ? "" : country).get(list)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(page.getLong("total")).isEqualTo(expected.size());
            walked.addAll(page.getList("items.id", Integer.class));
            after = page.get("next");
        }
        assertThat(walked).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"after=-1,after", "after=abc,after", "after=0&page=1,page", "after=0&sort=name,sort"})
    void badCursorsAre400sNamingTheParameter(String query, String field) {
        given().get("/api/v1/cities?" + query).then().statusCode(400).body("errors.field", hasItem(field));
        given().get("/api/v1/agreements?" + query.replace("sort=name", "sort=type")).then().statusCode(400)
                .body("errors.field", hasItem(field));
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/cities", "/api/v1/agreements"})
    void theLastPageHasNoNext(String list) {
        given().queryParam("after", 0).queryParam("size", 100).get(list).then().statusCode(200)
                .body("next", is((Object) null));
    }
}
