package dev.twinning.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.twelvemonkeys.imageio.metadata.Directory;
import com.twelvemonkeys.imageio.metadata.Entry;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEG;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFF;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.MemorySize;

import dev.twinning.common.error.InvalidInputException;
import dev.twinning.common.error.RequestRejectedException;
import dev.twinning.common.error.ServiceUnavailableException;

/**
 * Reads uploads and makes their renditions with the JDK's ImageIO and the TwelveMonkeys plugins. Limits are
 * checked from the header before anything is decoded; a decode reads the image subsampled straight to about
 * the largest rendition (at most 16 megapixels decoded: a 40-megapixel photo never exists at full size in
 * memory), and decodes together stay within TWINNING_MEDIA_DECODE_MEMORY (each takes its estimate), so
 * parallel uploads cannot exhaust the heap. Renditions are re-encoded from pixels: no EXIF,
 * GPS, XMP, comments or PNG text chunks survive, and the EXIF orientation is applied.
 */
@ApplicationScoped
public class ImageProcessor {

    /** The widths renditions are made in; the largest rendition is at most the last. */
    public static final List<Integer> WIDTHS = List.of(160, 320, 640, 1280, 1920);
    static final int MAX_SIDE = 10_000;
    static final long MAX_PIXELS = 40_000_000L;
    private static final float JPEG_QUALITY = 0.85f;
    private static final long DECODE_WAIT_SECONDS = 30;

    /** What the header says: the format, the size as displayed (orientation applied) and the orientation. */
    record Inspection(ImageFormat format, int width, int height, int orientation) {
    }

    /** One re-encoded size of an image. */
    record Rendition(int width, int height, String contentType, byte[] data) {
    }

    /** Pixels a decode may produce: about 48 MB at 3 bytes a pixel, whatever the upload's size. */
    static final long DECODE_PIXELS = 16_000_000L;
    private static final long MB = 1024 * 1024;

    /** Megabytes of decode memory left; a decode takes its estimate, so a few big ones or many small ones run at once. */
    private final Semaphore memory;
    private final int budgetMb;

    public ImageProcessor(@ConfigProperty(name = "twinning.media.decode-memory") MemorySize decodeMemory) {
        this.budgetMb = (int) Math.max(64, decodeMemory.asLongValue() / MB);
        this.memory = new Semaphore(budgetMb, true);
    }

    void registerPlugins(@Observes StartupEvent start) {
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
    }

    /** The height of a rendition {@code width} pixels wide of an image {@code fullWidth × fullHeight}. */
    static int heightFor(int fullWidth, int fullHeight, int width) {
        return Math.max(1, (int) Math.round((double) fullHeight * width / fullWidth));
    }

    /** The widths of an image's renditions, largest first: its own width (at most 1920), then smaller presets. */
    static List<Integer> renditionWidths(int width) {
        int largest = Math.min(width, WIDTHS.get(WIDTHS.size() - 1));
        List<Integer> widths = new ArrayList<>(List.of(largest));
        for (int i = WIDTHS.size() - 1; i >= 0; i--) {
            if (WIDTHS.get(i) < largest) {
                widths.add(WIDTHS.get(i));
            }
        }
        return widths;
    }

    /** Recognises the format by content and reads the size from the header only; refuses what is over the limits. */
    Inspection inspect(byte[] data) {
        ImageFormat format = ImageFormat.sniff(data)
                .orElseThrow(() -> new RequestRejectedException(415, "The file is not a JPEG, PNG or WebP image"));
        int width;
        int height;
        ImageReader reader = reader(format);
        try (ImageInputStream in = new ByteArrayImageInputStream(data)) {
            try {
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw damaged();
        }
        if (width < 1 || height < 1) {
            throw damaged();
        }
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
            throw new InvalidInputException("file", "is " + width + " × " + height + " pixels; at most " + MAX_SIDE
                    + " pixels a side and " + MAX_PIXELS / 1_000_000 + " megapixels are accepted");
        }
        int orientation = format == ImageFormat.JPEG ? orientation(data) : 1;
        boolean turned = orientation >= 5;
        return new Inspection(format, turned ? height : width, turned ? width : height, orientation);
    }

    /**
     * The source subsampling for a decode: as little as keeps the decoded width at or above the largest
     * rendition, but never more than {@link #DECODE_PIXELS} decoded pixels (a very tall image then gives a
     * slightly softer largest rendition rather than a huge decode).
     */
    static int subsampling(int rawWidth, int rawHeight, int alongDisplayWidth, int largest) {
        int subsampling = Math.max(1, alongDisplayWidth / largest);
        while (decodedPixels(rawWidth, rawHeight, subsampling) > DECODE_PIXELS) {
            subsampling++;
        }
        return subsampling;
    }

    private static long decodedPixels(int width, int height, int subsampling) {
        return (long) ((width + subsampling - 1) / subsampling) * ((height + subsampling - 1) / subsampling);
    }

    /**
     * Megabytes a decode may need: the decoded pixels (up to 8 bytes each) and a scaled copy, and what the
     * decoder keeps of the whole image (a progressive JPEG's coefficients; a WebP's full frame).
     */
    static int estimateMb(ImageFormat format, int rawWidth, int rawHeight, int subsampling) {
        long decoded = decodedPixels(rawWidth, rawHeight, subsampling) * 8;
        long whole = (long) rawWidth * rawHeight * switch (format) {
            case JPEG -> 2;
            case WEBP -> 4;
            case PNG -> 0;
        };
        return (int) Math.max(1, (decoded * 2 + whole) / MB);
    }

    /** Decodes once (subsampled), scales, turns upright and re-encodes every rendition, largest first. */
    List<Rendition> render(byte[] data, Inspection image) {
        List<Integer> widths = renditionWidths(image.width());
        int largest = widths.get(0);
        boolean turned = image.orientation() >= 5;
        int rawWidth = turned ? image.height() : image.width();
        int rawHeight = turned ? image.width() : image.height();
        int subsampling = subsampling(rawWidth, rawHeight, turned ? rawHeight : rawWidth, largest);
        int permits = Math.min(budgetMb, estimateMb(image.format(), rawWidth, rawHeight, subsampling));
        ImageReader reader = reader(image.format());
        acquire(permits);
        try (ImageInputStream in = new ByteArrayImageInputStream(data)) {
            BufferedImage decoded;
            try {
                reader.setInput(in, true, true);
                AtomicBoolean truncated = new AtomicBoolean();
                reader.addIIOReadWarningListener((source, warning) -> truncated.compareAndSet(false, isTruncation(warning)));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(subsampling, subsampling, 0, 0);
                decoded = reader.read(0, param);
                if (truncated.get()) {
                    throw damaged();
                }
            } finally {
                reader.dispose();
            }
            boolean alpha = decoded.getColorModel().hasAlpha();
            ImageFormat output = image.format() == ImageFormat.PNG || alpha ? ImageFormat.PNG : ImageFormat.JPEG;
            // Scaled while still sideways, then turned: the decoded image is never copied at its own size.
            int largestHeight = heightFor(image.width(), image.height(), largest);
            BufferedImage source = orient(
                    scale(decoded, turned ? largestHeight : largest, turned ? largest : largestHeight, alpha),
                    image.orientation());
            List<Rendition> renditions = new ArrayList<>();
            for (int width : widths) {
                source = scale(source, width, heightFor(image.width(), image.height(), width), alpha);
                renditions.add(new Rendition(width, source.getHeight(), output.contentType(), encode(source, output)));
            }
            return renditions;
        } catch (IOException | RuntimeException e) {
            // decoders answer damaged data with all kinds of exceptions; the client's file is at fault
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw damaged();
        } finally {
            memory.release(permits);
        }
    }

    /** A decoder's warning that the data ended early; other warnings (an odd chunk, extra bytes) are harmless. */
    private static boolean isTruncation(String warning) {
        String text = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
        return text.contains("premature") || text.contains("truncat") || text.contains("end of") || text.contains("eof");
    }

    private void acquire(int permits) {
        try {
            if (!memory.tryAcquire(permits, DECODE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new ServiceUnavailableException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException();
        }
    }

    private static ImageReader reader(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format);
        }
        return readers.next();
    }

    /** The EXIF orientation (1–8) of a JPEG, 1 when it has none or it cannot be read. */
    static int orientation(byte[] jpeg) {
        try (ImageInputStream in = new ByteArrayImageInputStream(jpeg)) {
            for (JPEGSegment segment : JPEGSegmentUtil.readSegments(in, JPEG.APP1, "Exif")) {
                byte[] exif = readAll(segment.data());
                int start = exif.length > 1 && exif[0] == 0 ? 1 : 0; // the pad byte after "Exif\0"
                try (ImageInputStream tiff = new ByteArrayImageInputStream(exif, start, exif.length - start)) {
                    Directory directory = new TIFFReader().read(tiff);
                    Entry entry = directory.getEntryById(TIFF.TAG_ORIENTATION);
                    if (entry != null && entry.getValue() instanceof Number value && value.intValue() >= 1
                            && value.intValue() <= 8) {
                        return value.intValue();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable EXIF: shown as stored
        }
        return 1;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    /** Turns the pixels upright as EXIF orientation 2–8 asks. */
    static BufferedImage orient(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);
            default -> null;
        };
        if (transform == null) {
            return image;
        }
        boolean turned = orientation >= 5;
        BufferedImage upright = new BufferedImage(turned ? h : w, turned ? w : h, typeFor(image.getColorModel().hasAlpha()));
        Graphics2D g = upright.createGraphics();
        try {
            g.drawImage(image, transform, null);
        } finally {
            g.dispose();
        }
        return upright;
    }

    /** Scales down in halving steps (bilinear each), which keeps detail without the cost of area averaging. */
    private static BufferedImage scale(BufferedImage image, int width, int height, boolean alpha) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= width) {
            current = draw(current, current.getWidth() / 2, Math.max(height, current.getHeight() / 2), alpha);
        }
        if (current.getWidth() == width && current.getHeight() == height && current.getType() == typeFor(alpha)) {
            return current;
        }
        return draw(current, width, height, alpha);
    }

    private static BufferedImage draw(BufferedImage image, int width, int height, boolean alpha) {
        BufferedImage scaled = new BufferedImage(width, height, typeFor(alpha));
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private static int typeFor(boolean alpha) {
        return alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    /** Encodes pixels only: the writers get no metadata to copy. */
    private static byte[] encode(BufferedImage image, ImageFormat format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format.imageIoName()).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == ImageFormat.JPEG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static InvalidInputException damaged() {
        return new InvalidInputException("file", "is not a readable image: it is damaged or truncated");
    }
}
