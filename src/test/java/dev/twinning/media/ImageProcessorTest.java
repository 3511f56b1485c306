package dev.twinning.media;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How big a decode gets: never the full size of a large upload, never below the largest rendition when avoidable. */
class ImageProcessorTest {

    @ParameterizedTest
    @CsvSource({
            "7300, 5479, 7300, 1920, 3",
            "3839, 10000, 3839, 1920, 2",
            "10000, 4000, 10000, 1920, 5",
            "2500, 1600, 2500, 1920, 1",
            "1600, 2400, 1600, 1600, 1",
            "4000, 10000, 10000, 1920, 5"})
    void decodesAreSubsampledToAtMost16Megapixels(int width, int height, int along, int largest, int expected) {
        int subsampling = ImageProcessor.subsampling(width, height, along, largest);
        assertThat(subsampling).isEqualTo(expected);
        long decoded = (long) Math.ceil((double) width / subsampling) * (long) Math.ceil((double) height / subsampling);
        assertThat(decoded).isLessThanOrEqualTo(ImageProcessor.DECODE_PIXELS);
    }

    @ParameterizedTest
    @CsvSource({"JPEG, 7300, 5479, 3, 144", "PNG, 3839, 10000, 2, 146", "WEBP, 10000, 4000, 5, 177", "JPEG, 800, 600, 1, 8"})
    void theLargestUploadsReserveMostOfTheDecodeMemory(ImageFormat format, int width, int height, int subsampling,
            int megabytes) {
        assertThat(ImageProcessor.estimateMb(format, width, height, subsampling)).isEqualTo(megabytes);
    }
}
