package dev.twinning.user;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** Requests as the test profile's admin (created at start-up) or as an editor the tests create once. */
public final class Staff {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String EDITOR = "test.editor";
    public static final String EDITOR_PASSWORD = "editor-password-for-tests";

    private static boolean editorExists;

    private Staff() {
    }

    public static RequestSpecification asAdmin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD);
    }

    public static synchronized RequestSpecification asEditor() {
        if (!editorExists) {
            asAdmin().contentType("application/json")
                    .body("{\"username\":\"" + EDITOR + "\",\"password\":\"" + EDITOR_PASSWORD + "\",\"role\":\"EDITOR\"}")
                    .post("/api/v1/users");
            editorExists = true;
        }
        return given().auth().preemptive().basic(EDITOR, EDITOR_PASSWORD);
    }
}
