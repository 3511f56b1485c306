package dev.twinning.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Images made for the tests: real encodings, plus the JPEG and PNG layouts cameras and phones write. */
final class TestImages {

    private TestImages() {
    }

    /** A JPEG whose top-left quarter is red and the rest blue; noise makes it compress like a photo. */
    static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, false), "jpeg");
    }

    static byte[] png(int width, int height, boolean alpha) {
        return encode(picture(width, height, alpha), "png");
    }

    static BufferedImage picture(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(alpha ? new Color(0, 0, 255, 128) : Color.BLUE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.dispose();
        Random random = new Random(width * 31L + height);
        for (int i = 0; i < width * height / 50; i++) {
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            image.setRGB(x, y, image.getRGB(x, y) ^ 0x000F0F0F);
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JPEG with an EXIF segment (orientation, and a GPS latitude when asked) right after SOI; with
     * {@code replaceJfif} the JFIF segment is dropped, as phones write it.
     */
    static byte[] withExif(byte[] jpeg, int orientation, boolean gps, boolean replaceJfif) {
        byte[] tiff = tiff(orientation, gps);
        byte[] id = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int segmentLength = 2 + id.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write(segmentLength >> 8);
        out.write(segmentLength & 0xFF);
        out.writeBytes(id);
        out.writeBytes(tiff);
        int rest = 2;
        if (replaceJfif && (jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            rest = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        out.write(jpeg, rest, jpeg.length - rest);
        return out.toByteArray();
    }

    /** A big-endian TIFF block: IFD0 with Orientation (and a GPS IFD pointer), the GPS IFD with a latitude ref. */
    private static byte[] tiff(int orientation, boolean gps) {
        ByteBuffer b = ByteBuffer.allocate(64);
        b.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        int entries = gps ? 2 : 1;
        b.putShort((short) entries);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        int gpsOffset = 8 + 2 + entries * 12 + 4;
        if (gps) {
            b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsOffset);
        }
        b.putInt(0);
        if (gps) {
            b.putShort((short) 1);
            b.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
            b.putInt(0);
        }
        byte[] bytes = new byte[b.position()];
        b.flip();
        b.get(bytes);
        return bytes;
    }

    /** Only a PNG signature and a header declaring {@code width × height}: a decompression bomb's first bytes. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue());
        return png.array();
    }

    /** A PNG carrying a tEXt chunk (a comment with a location) before IEND. */
    static byte[] pngWithText(byte[] png, String text) {
        byte[] chunkType = "tEXt".getBytes(StandardCharsets.US_ASCII);
        byte[] data = ("Comment\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(chunkType);
        crc.update(data);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(chunkType).put(data).putInt((int) crc.getValue());
        int iend = png.length - 12;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, iend);
        out.writeBytes(chunk.array());
        out.write(png, iend, 12);
        return out.toByteArray();
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
