package dev.twinning.media;

import static dev.twinning.user.Staff.asAdmin;
import static dev.twinning.user.Staff.asEditor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import dev.twinning.common.cache.ReadCache;

/** Uploading images, serving their sizes without metadata, and showing them on cities and pages. */
@QuarkusTest
class MediaResourceTest {

    @Inject
    ReadCache readCache;

    /** A 1 × 1 lossless WebP. */
    private static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private final List<Integer> uploaded = new ArrayList<>();

    @Inject
    SessionFactory sessionFactory;

    @AfterEach
    void cleanUp() {
        asAdmin().contentType("application/merge-patch+json").body("{\"images\":[]}")
                .patch("/api/v1/cities/harbin?publish=true");
        asAdmin().contentType("application/merge-patch+json").body("{\"images\":[]}")
                .patch("/api/v1/pages/friendship-cities?publish=true");
        uploaded.forEach(id -> asAdmin().delete("/api/v1/media/" + id));
    }

    @Test
    void anUploadIsStoredWithItsFactsAndEverySizeUpToItsOwn() {
        byte[] photo = TestImages.jpeg(2000, 1000);
        Response response = upload(photo, "harbin.jpg", "image/jpeg",
                Map.of("alt", "Ice lanterns", "credit", "City of Harbin"));
        response.then().statusCode(201)
                .header("Location", endsWith("/api/v1/media/" + id(response)))
                .body("contentType", is("image/jpeg"))
                .body("width", is(2000)).body("height", is(1000))
                .body("bytes", is(photo.length))
                .body("sha256", is(sha256(photo)))
                .body("alt", is("Ice lanterns")).body("credit", is("City of Harbin")).body("caption", is((Object) null))
                .body("variants.width", contains(160, 320, 640, 1280, 1920))
                .body("variants.height", contains(80, 160, 320, 640, 960))
                .body("url", is("/api/v1/media/" + id(response) + "/content"));
        assertSize(given().get("/api/v1/media/" + id(response) + "/content?width=320"), 320, 160, "image/jpeg");
        assertSize(given().get("/api/v1/media/" + id(response) + "/content"), 1920, 960, "image/jpeg");
        given().get("/api/v1/media/" + id(response)).then().statusCode(200).body("alt", is("Ice lanterns"));
    }

    @Test
    void aSmallImageIsNeverEnlarged() {
        Response response = upload(TestImages.png(500, 400, false), "small.png", "image/png", Map.of());
        response.then().statusCode(201).body("variants.width", contains(160, 320, 500));
        assertSize(given().get("/api/v1/media/" + id(response) + "/content?width=1280"), 500, 400, "image/png");
        assertSize(given().get("/api/v1/media/" + id(response) + "/content?width=160"), 160, 128, "image/png");
    }

    @Test
    void theExifOrientationIsAppliedAndNoMetadataSurvives() throws IOException {
        byte[] sideways = TestImages.withExif(TestImages.jpeg(300, 200), 6, true, false);
        assertThat(TestImages.contains(sideways, "Exif")).isTrue();
        Response response = upload(sideways, "phone.jpg", "image/jpeg", Map.of());
        response.then().statusCode(201).body("width", is(200)).body("height", is(300));
        byte[] served = given().get("/api/v1/media/" + id(response) + "/content").then().statusCode(200).extract()
                .asByteArray();
        assertThat(TestImages.contains(served, "Exif")).as("EXIF segment").isFalse();
        assertThat(hasSegment(served, 0xE1)).as("APP1 segment").isFalse();
        BufferedImage upright = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(upright.getWidth()).isEqualTo(200);
        assertThat(upright.getHeight()).isEqualTo(300);
        // The red quarter was top-left; turned a quarter clockwise it is top-right.
        assertThat(isRed(upright.getRGB(upright.getWidth() - 20, 20))).as("top right").isTrue();
        assertThat(isRed(upright.getRGB(20, 20))).as("top left").isFalse();
    }

    @Test
    void aPhoneJpegWithExifInsteadOfJfifIsRead() {
        byte[] phone = TestImages.withExif(TestImages.jpeg(640, 480), 1, true, true);
        assertThat(TestImages.contains(phone, "JFIF")).isFalse();
        Response response = upload(phone, "IMG_0001.JPG", "image/jpeg", Map.of());
        response.then().statusCode(201).body("width", is(640)).body("variants.width", contains(160, 320, 640));
        byte[] served = given().get("/api/v1/media/" + id(response) + "/content?width=320").asByteArray();
        assertThat(TestImages.contains(served, "Exif")).isFalse();
    }

    @Test
    void pngTextChunksAreDropped() {
        byte[] png = TestImages.pngWithText(TestImages.png(400, 300, true), "GPS 37.50N 126.78E");
        Response response = upload(png, "map.png", "image/png", Map.of());
        response.then().statusCode(201);
        byte[] served = given().get("/api/v1/media/" + id(response) + "/content").asByteArray();
        assertThat(TestImages.contains(served, "tEXt")).isFalse();
        assertThat(TestImages.contains(served, "126.78E")).isFalse();
    }

    @Test
    void aWebpIsAcceptedAndServedInAFormatBrowsersAndImageIoShare() {
        Response response = upload(WEBP, "dot.webp", "image/webp", Map.of());
        response.then().statusCode(201).body("contentType", is("image/webp")).body("width", is(1));
        String served = given().get("/api/v1/media/" + id(response) + "/content").then().statusCode(200).extract()
                .contentType();
        assertThat(served).isIn("image/png", "image/jpeg");
    }

    @Test
    void theImageIsCachedForAYearAndRevalidatedWith304() {
        Response response = upload(TestImages.jpeg(800, 600), "a.jpg", "image/jpeg", Map.of());
        String path = "/api/v1/media/" + id(response) + "/content?width=640";
        Response first = given().get(path);
        first.then().statusCode(200).header("Cache-Control", "public, max-age=31536000, immutable");
        String etag = first.header("ETag");
        given().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", etag);
        given().header("If-None-Match", etag).get("/api/v1/media/" + id(response) + "/content?width=320").then()
                .statusCode(200);
    }

    @Test
    void aTextFileNamedJpgIsA415AndStoresNothing() {
        long before = count();
        upload("just some text, not an image".getBytes(), "photo.jpg", "image/jpeg", Map.of()).then().statusCode(415)
                .contentType("application/problem+json");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aTruncatedJpegIsA400NamingFileAndStoresNothing() {
        long before = count();
        byte[] jpeg = TestImages.jpeg(1200, 900);
        upload(Arrays.copyOf(jpeg, jpeg.length * 6 / 10), "cut.jpg", "image/jpeg", Map.of()).then().statusCode(400)
                .body("errors.field", contains("file"));
        assertThat(count()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource({"20000, 20000", "10001, 100", "100, 10001", "8000, 6000"})
    void aPngOverThePixelLimitsIsRefusedFromItsHeaderAlone(int width, int height) {
        long before = count();
        upload(TestImages.pngHeader(width, height), "bomb.png", "image/png", Map.of()).then().statusCode(400)
                .body("errors.field", contains("file"))
                .body("errors.message", hasItem(startsWith("is " + width + " × " + height + " pixels")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aFileOverTheByteLimitIsA413() {
        byte[] tooBig = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestImages.jpeg(100, 100), 0, tooBig, 0, 3);
        long before = count();
        upload(tooBig, "big.jpg", "image/jpeg", Map.of()).then().statusCode(413).contentType("application/problem+json");
        assertThat(count()).isEqualTo(before);
    }

    /** A browser declares the size of a form upload: one over the limit is refused before its body is read. */
    @Test
    void aDeclaredBodyOverTheUploadLimitIsA413BeforeItIsSent() throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("POST /api/v1/media HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + 12 * 1024 * 1024
                    + "\r\n\r\n--x\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            for (int read; answer.indexOf("}") < 0 && (read = socket.getInputStream().read(buffer)) > 0;) {
                answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 413").contains("\"instance\":\"/api/v1/media\"")
                    .contains("application/problem+json")
                    .contains("TWINNING_MEDIA_MAX_BYTES");
        }
    }

    @Test
    void badUploadsAreNamed() {
        asEditor().multiPart("alt", "no file").post("/api/v1/media").then().statusCode(400).body("errors.field",
                contains("file"));
        upload(TestImages.jpeg(50, 50), "a.jpg", "image/jpeg", Map.of("alt", "x".repeat(1001))).then().statusCode(400)
                .body("errors.field", contains("alt"));
        given().multiPart("file", "a.jpg", TestImages.jpeg(50, 50), "image/jpeg").post("/api/v1/media").then().statusCode(401);
        upload(new byte[0], "empty.jpg", "image/jpeg", Map.of()).then().statusCode(400).body("errors.field", contains("file"));
        asEditor().contentType(ContentType.JSON).body("{}").post("/api/v1/media").then().statusCode(415)
                .body("detail", org.hamcrest.Matchers.containsString("multipart/form-data"));
    }

    @Test
    void aMultipartBodyCutShortIsA400() throws IOException {
        String body = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n\r\nabc";
        assertThat(raw("/api/v1/media", "multipart/form-data; boundary=x", body, false)).startsWith("HTTP/1.1 400")
                .contains("application/problem+json");
    }

    @Test
    void aFilePartWithoutAFileNameIsReadLikeAnyFile() throws IOException {
        String body = "--x\r\nContent-Disposition: form-data; name=\"file\"\r\nContent-Type: image/jpeg\r\n\r\nabc\r\n--x--\r\n";
        assertThat(raw("/api/v1/media", "multipart/form-data; boundary=x", body, false)).startsWith("HTTP/1.1 415")
                .contains("application/problem+json");
    }

    @Test
    void aChunkedJsonBodyIsA411SoThatItsSizeLimitHolds() throws IOException {
        assertThat(raw("/api/v1/cities", "application/json", "{\"name\":\"Chunked\",\"country\":\"PL\"}", true))
                .startsWith("HTTP/1.1 411").contains("application/problem+json");
        given().get("/api/v1/cities?q=chunked").then().body("total", is(0));
    }

    /** Sends a request as raw bytes, as an admin, and returns the whole answer. */
    private static String raw(String target, String contentType, String body, boolean chunked) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: Basic "
                + Base64.getEncoder().encodeToString("admin:admin-password-for-tests".getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + (chunked
                        ? "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(bytes.length) + "\r\n"
                        : "Content-Length: " + bytes.length + "\r\n\r\n");
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            if (chunked) {
                socket.getOutputStream().write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void contentErrorsAreProblemsWhateverTheClientAccepts() {
        Response response = upload(TestImages.jpeg(200, 100), "a.jpg", "image/jpeg", Map.of());
        given().accept("image/webp,image/*").get("/api/v1/media/" + id(response) + "/content?width=999").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("width"));
        given().accept("image/*").get("/api/v1/media/999999/content").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aCityShowsItsImagesWithLocalizedTextsAndSizes() {
        Response response = upload(TestImages.jpeg(1600, 1200), "harbin.jpg", "image/jpeg",
                Map.of("alt", "St. Sophia Cathedral", "caption", "Harbin, China"));
        int id = id(response);
        asEditor().contentType(ContentType.JSON).body("{\"alt\":\"성 소피아 성당\"}").put("/api/v1/media/" + id + "/translations/ko")
                .then().statusCode(200);
        asEditor().contentType("application/merge-patch+json")
                .body("{\"images\":[{\"mediaId\":" + id + ",\"role\":\"PHOTO\"}]}")
                .patch("/api/v1/cities/harbin?publish=true").then().statusCode(200)
                .body("images.id", contains(id))
                .body("images[0].variants.width", contains(160, 320, 640, 1280, 1600));
        given().queryParam("locale", "ko").get("/api/v1/cities/harbin").then()
                .body("images[0].role", is("PHOTO"))
                .body("images[0].alt", is("성 소피아 성당"))
                .body("images[0].caption", is("Harbin, China"))
                .body("images[0].fallbacks.caption", is("en"))
                .body("images[0].width", is(1600)).body("images[0].height", is(1200))
                .body("images[0].url", is("/api/v1/media/" + id + "/content"));
        given().get("/api/v1/pages/sister-cities").then()
                .body("agreements.find { it.partnerCity.slug == 'harbin' }.partnerCity.images[0].alt",
                        is("St. Sophia Cathedral"));
        asEditor().delete("/api/v1/media/" + id).then().statusCode(409).contentType("application/problem+json");
        asEditor().contentType("application/merge-patch+json").body("{\"images\":[]}")
                .patch("/api/v1/cities/harbin?publish=true").then()
                .statusCode(200);
        asEditor().delete("/api/v1/media/" + id).then().statusCode(204);
        uploaded.remove((Integer) id);
        given().get("/api/v1/media/" + id + "/content").then().statusCode(404);
    }

    @Test
    void aPageShowsImagesAndUnknownImagesAreNamed() {
        Response response = upload(TestImages.png(300, 300, true), "flag.png", "image/png", Map.of("alt", "Flag"));
        int id = id(response);
        asEditor().contentType("application/merge-patch+json").body("{\"images\":[{\"mediaId\":" + id + ",\"role\":\"FLAG\"}]}")
                .patch("/api/v1/pages/friendship-cities?publish=true").then().statusCode(200)
                .body("images[0].role", is("FLAG"));
        String before = given().get("/api/v1/cities/harbin").asString();
        asEditor().contentType("application/merge-patch+json").body("{\"images\":[{\"mediaId\":999999,\"role\":\"PHOTO\"}]}")
                .patch("/api/v1/cities/harbin?publish=true").then().statusCode(400)
                .body("errors.field", contains("images[0].mediaId"));
        asEditor().contentType("application/merge-patch+json").body("{\"images\":[{\"mediaId\":" + id + ",\"role\":\"LOGO\"}]}")
                .patch("/api/v1/cities/harbin?publish=true").then().statusCode(400);
        assertThat(given().get("/api/v1/cities/harbin").asString()).isEqualTo(before);
    }

    @Test
    void textsAreEditedWithPutAndPatch() {
        Response response = upload(TestImages.jpeg(100, 100), "a.jpg", "image/jpeg", Map.of("alt", "First"));
        String path = "/api/v1/media/" + id(response);
        asEditor().contentType(ContentType.JSON).header("If-Match", response.header("ETag"))
                .body("{\"alt\":\"Second\",\"caption\":\"A caption\"}").put(path).then().statusCode(200)
                .body("alt", is("Second"));
        asEditor().contentType(ContentType.JSON).header("If-Match", response.header("ETag")).body("{\"alt\":\"Third\"}")
                .put(path)
                .then().statusCode(412);
        asEditor().contentType("application/merge-patch+json").body("{\"caption\":null}").patch(path).then().statusCode(200)
                .body("caption", is((Object) null)).body("alt", is("Second"));
        given().get("/api/v1/media?size=100").then().statusCode(200).body("items.id", hasItem(id(response)));
    }

    @Test
    void imagesCostTheSameStatementsForOneCityOrMany() {
        List<String> reads = List.of("/api/v1/cities?size=100", "/api/v1/pages/sister-cities", "/api/v1/agreements?size=100");
        Map<String, Long> without = new java.util.HashMap<>();
        reads.forEach(read -> without.put(read, statementsFor(read)));
        int first = id(upload(TestImages.jpeg(400, 300), "a.jpg", "image/jpeg", Map.of("alt", "A")));
        int second = id(upload(TestImages.png(300, 300, false), "b.png", "image/png", Map.of("alt", "B")));
        String images = "{\"images\":[{\"mediaId\":" + first + ",\"role\":\"PHOTO\"},{\"mediaId\":" + second
                + ",\"role\":\"FLAG\"}]}";
        for (String city : List.of("harbin", "kawasaki", "weihai")) {
            asEditor().contentType("application/merge-patch+json").body(images)
                    .patch("/api/v1/cities/" + city + "?publish=true").then()
                    .statusCode(200);
        }
        try {
            reads.forEach(read -> assertThat(statementsFor(read)).as(read).isEqualTo(without.get(read)));
            given().get("/api/v1/pages/sister-cities").then()
                    .body("agreements.find { it.partnerCity.slug == 'weihai' }.partnerCity.images.alt", contains("A", "B"));
        } finally {
            for (String city : List.of("kawasaki", "weihai")) {
                asEditor().contentType("application/merge-patch+json").body("{\"images\":[]}")
                        .patch("/api/v1/cities/" + city + "?publish=true");
            }
        }
    }

    private long statementsFor(String path) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        readCache.clear();
        given().get(path).then().statusCode(200);
        return statistics.getPrepareStatementCount();
    }

    private Response upload(byte[] file, String name, String type, Map<String, String> texts) {
        var request = asEditor().multiPart("file", name, file, type);
        texts.forEach(request::multiPart);
        Response response = request.post("/api/v1/media");
        if (response.statusCode() == 201) {
            uploaded.add(id(response));
        }
        return response;
    }

    private static int id(Response response) {
        return response.jsonPath().getInt("id");
    }

    private static long count() {
        return given().get("/api/v1/media?size=1").jsonPath().getLong("total");
    }

    private static void assertSize(Response response, int width, int height, String type) {
        response.then().statusCode(200).contentType(type);
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.asByteArray()));
            assertThat(image.getWidth()).isEqualTo(width);
            assertThat(image.getHeight()).isEqualTo(height);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean isRed(int rgb) {
        Color color = new Color(rgb);
        return color.getRed() > 180 && color.getBlue() < 90;
    }

    private static boolean hasSegment(byte[] jpeg, int marker) {
        int i = 2;
        while (i + 4 < jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int type = jpeg[i + 1] & 0xFF;
            if (type == marker) {
                return true;
            }
            if (type == 0xDA) {
                return false;
            }
            i += 2 + (((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF));
        }
        return false;
    }

    private static String sha256(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
