package org.netwright.runner.generate;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.netwright.model.shape.Shape;

/**
 * Writes generated samples to files: images (C×H×W with 1 or 3 channels) as one PNG each, values clipped to
 * [0, 1]; any other shape as one CSV of one row per sample holding its components; token sequences as one text
 * file each. Each method returns the files it wrote.
 */
public final class SampleFiles {
    private SampleFiles() {
    }

    /** True when samples of {@code shape} are grey or RGB images (1 or 3 channels, C×H×W). */
    public static boolean isImage(Shape shape) {
        return shape.rank() == 3 && (shape.dim(0) == 1 || shape.dim(0) == 3);
    }

    /** {@code sample_0001.png}, ... in {@code dir}, one per sample of {@code shape} in {@code values}. */
    public static List<Path> writeImages(Path dir, float[] values, Shape shape) {
        int c = shape.dim(0);
        int h = shape.dim(1);
        int w = shape.dim(2);
        int size = c * h * w;
        int count = values.length / size;
        List<Path> files = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            BufferedImage image = new BufferedImage(w, h, c == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = 0;
                    for (int k = 0; k < 3; k++) {
                        int channel = c == 1 ? 0 : k;
                        rgb = rgb << 8 | level(values[n * size + channel * h * w + y * w + x]);
                    }
                    image.setRGB(x, y, rgb);
                }
            }
            Path file = dir.resolve(name(n, count, "png"));
            try {
                ImageIO.write(image, "png", file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
            }
            files.add(file);
        }
        return files;
    }

    /** The 0..255 grey level of a pixel value, clipped to [0, 1]. */
    static int level(float v) {
        double clipped = Float.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
        return (int) Math.round(clipped * 255);
    }

    /** {@code samples.csv} in {@code dir}: a header {@code x1,x2,...} and one row of components per sample. */
    public static List<Path> writeCsv(Path dir, float[] values, Shape shape) {
        int size = Math.toIntExact(shape.size());
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < size; i++) {
            csv.append(i == 0 ? "" : ",").append('x').append(i + 1);
        }
        csv.append('\n');
        for (int n = 0; n < values.length / size; n++) {
            for (int i = 0; i < size; i++) {
                csv.append(i == 0 ? "" : ",").append(values[n * size + i]);
            }
            csv.append('\n');
        }
        return List.of(write(dir.resolve("samples.csv"), csv.toString()));
    }

    /** {@code sample_0001.txt}, ... in {@code dir}: each sequence's token ids separated by spaces. */
    public static List<Path> writeTokens(Path dir, List<int[]> sequences) {
        List<Path> files = new ArrayList<>();
        for (int n = 0; n < sequences.size(); n++) {
            StringBuilder text = new StringBuilder();
            for (int t : sequences.get(n)) {
                text.append(text.length() == 0 ? "" : " ").append(t);
            }
            files.add(write(dir.resolve(name(n, sequences.size(), "txt")), text.append('\n').toString()));
        }
        return files;
    }

    /** {@code sample_0001.txt}, ... in {@code dir}: each a generated text, as characters. */
    public static List<Path> writeTexts(Path dir, List<String> texts) {
        List<Path> files = new ArrayList<>();
        for (int n = 0; n < texts.size(); n++) {
            files.add(write(dir.resolve(name(n, texts.size(), "txt")), texts.get(n) + "\n"));
        }
        return files;
    }

    private static String name(int n, int count, String extension) {
        int digits = Math.max(4, String.valueOf(count).length());
        return String.format("sample_%0" + digits + "d.%s", n + 1, extension);
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
