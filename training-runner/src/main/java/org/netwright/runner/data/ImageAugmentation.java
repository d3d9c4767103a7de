package org.netwright.runner.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.netwright.model.settings.DataRecipe;

/**
 * Random changes to training images, drawn afresh for every batch so the network sees a slightly different picture
 * each epoch: a horizontal flip (half the images), a shift of up to {@code cropPadding} pixels each way (a crop of the
 * image padded with zeros), a rotation of up to {@code rotationDegrees} either way, and Gaussian noise of deviation
 * {@code noise}, and a colour jitter of strength {@code jitter} ({@link #jitter(float[], int, int, int, int, double,
 * double, double)}). Written as the data recipe's option {@value #OPTION}, e.g.
 * {@code flip,crop=4,rotate=15,jitter=0.2,noise=0.05}; only training batches are changed, never validation or test
 * ones. {@link #preview} shows what it does to one sample.
 */
public record ImageAugmentation(boolean flip, int cropPadding, double rotationDegrees, double noise, double jitter) {
    /** The data recipe option that holds the spec. */
    public static final String OPTION = "augment";

    /** The jitter strength {@code jitter} alone means. */
    public static final double DEFAULT_JITTER = 0.2;

    public ImageAugmentation {
        if (cropPadding < 0 || cropPadding > 1024 || !(rotationDegrees >= 0 && rotationDegrees <= 180)
                || !(noise >= 0 && noise <= 100) || !(jitter >= 0 && jitter <= 1)) {
            throw new DataFileException("Augmentation takes crop from 0 to 1024 pixels, rotate from 0 to 180 degrees,"
                    + " noise from 0 to 100 and jitter from 0 to 1; got crop " + cropPadding + ", rotate "
                    + rotationDegrees + ", noise " + noise + ", jitter " + jitter + ".");
        }
    }

    /** Flip, crop, rotation and noise without colour jitter. */
    public ImageAugmentation(boolean flip, int cropPadding, double rotationDegrees, double noise) {
        this(flip, cropPadding, rotationDegrees, noise, 0);
    }

    /** The recipe's augmentation, when it asks for one. */
    public static Optional<ImageAugmentation> of(DataRecipe recipe) {
        Object spec = recipe == null ? null : recipe.options().get(OPTION);
        return spec == null || spec.toString().isBlank() ? Optional.empty() : Optional.of(parse(spec.toString()));
    }

    /**
     * Reads {@code flip,crop=P,rotate=D,noise=S,jitter[=J]} (any of them, any order; {@code jitter} alone is
     * {@value #DEFAULT_JITTER}); refuses anything else saying what.
     */
    public static ImageAugmentation parse(String spec) {
        boolean flip = false;
        int crop = 0;
        double rotate = 0;
        double noise = 0;
        double jitter = 0;
        for (String part : spec.split(",")) {
            String[] kv = part.trim().toLowerCase(Locale.ROOT).split("=", 2);
            try {
                switch (kv[0]) {
                    case "flip" -> flip = kv.length == 1 || Boolean.parseBoolean(kv[1]);
                    case "crop" -> crop = Integer.parseInt(value(kv));
                    case "rotate" -> rotate = Double.parseDouble(value(kv));
                    case "noise" -> noise = Double.parseDouble(value(kv));
                    case "jitter" -> jitter = kv.length == 1 ? DEFAULT_JITTER : Double.parseDouble(value(kv));
                    default -> throw new DataFileException(DataOption.AUGMENT.named() + " knows flip, crop=PIXELS,"
                            + " rotate=DEGREES, noise=DEVIATION and jitter[=STRENGTH] (e.g. flip,crop=4,rotate=15,"
                            + "jitter=0.2); got '"
                            + part.trim() + "'.");
                }
            } catch (NumberFormatException e) {
                throw new DataFileException(DataOption.AUGMENT.named() + ": '" + part.trim()
                        + "' needs a number after '='.");
            }
        }
        return new ImageAugmentation(flip, crop, rotate, noise, jitter);
    }

    private static String value(String[] kv) {
        if (kv.length < 2) {
            throw new NumberFormatException(kv[0]);
        }
        return kv[1].trim();
    }

    /** The spec as {@link #parse} reads it. */
    public String spec() {
        List<String> parts = new ArrayList<>();
        if (flip) {
            parts.add("flip");
        }
        if (cropPadding > 0) {
            parts.add("crop=" + cropPadding);
        }
        if (rotationDegrees > 0) {
            parts.add("rotate=" + rotationDegrees);
        }
        if (noise > 0) {
            parts.add("noise=" + noise);
        }
        if (jitter > 0) {
            parts.add("jitter=" + jitter);
        }
        return String.join(",", parts);
    }

    /**
     * Changes {@code count} images of {@code channels}×{@code h}×{@code w} (flat, channels first) in place: one
     * flip, shift, angle and (with jitter) brightness, contrast and saturation factor per image (the same for its
     * channels), then noise per pixel, all drawn from {@code random}. Without jitter the draws are those of the
     * augmentation before jitter existed, so earlier runs repeat.
     */
    public void apply(float[] images, int count, int channels, int h, int w, Random random) {
        int plane = h * w;
        float[] out = new float[channels * plane];
        for (int i = 0; i < count; i++) {
            int at = i * channels * plane;
            boolean mirror = flip && random.nextBoolean();
            int dx = cropPadding > 0 ? random.nextInt(2 * cropPadding + 1) - cropPadding : 0;
            int dy = cropPadding > 0 ? random.nextInt(2 * cropPadding + 1) - cropPadding : 0;
            double angle = rotationDegrees > 0 ? Math.toRadians((random.nextDouble() * 2 - 1) * rotationDegrees) : 0;
            if (mirror || dx != 0 || dy != 0 || angle != 0) {
                warp(images, at, out, channels, h, w, mirror, dx, dy, angle);
                System.arraycopy(out, 0, images, at, out.length);
            }
            if (jitter > 0) {
                double brightness = 1 + (random.nextDouble() * 2 - 1) * jitter;
                double contrast = 1 + (random.nextDouble() * 2 - 1) * jitter;
                double saturation = 1 + (random.nextDouble() * 2 - 1) * jitter;
                jitter(images, at, channels, h, w, brightness, contrast, saturation);
            }
            if (noise > 0) {
                for (int k = at; k < at + channels * plane; k++) {
                    images[k] += (float) (random.nextGaussian() * noise);
                }
            }
        }
    }

    /**
     * Colour jitter of the image at {@code at}, in place, in this order: brightness multiplies every value by
     * {@code brightness}; contrast moves every value away from (or towards) the image's mean grey level {@code m} by
     * {@code contrast}: {@code m + contrast × (v - m)}; saturation moves each channel of a pixel away from that pixel's
     * grey {@code g = 0.299 r + 0.587 g + 0.114 b} by {@code saturation}: {@code g + saturation × (v - g)} (three
     * channels only; a grey image has no saturation). Factors of 1 leave the image as it was. Values are not clipped,
     * so data scaled to any range keeps its meaning.
     */
    public static void jitter(float[] image, int at, int channels, int h, int w, double brightness, double contrast,
                              double saturation) {
        int plane = h * w;
        int n = channels * plane;
        for (int k = at; k < at + n; k++) {
            image[k] = (float) (image[k] * brightness);
        }
        double mean = 0;
        for (int p = 0; p < plane; p++) {
            mean += grey(image, at, channels, plane, p);
        }
        mean /= plane;
        for (int k = at; k < at + n; k++) {
            image[k] = (float) (mean + contrast * (image[k] - mean));
        }
        if (channels == 3) {
            for (int p = 0; p < plane; p++) {
                double g = grey(image, at, channels, plane, p);
                for (int c = 0; c < 3; c++) {
                    int k = at + c * plane + p;
                    image[k] = (float) (g + saturation * (image[k] - g));
                }
            }
        }
    }

    /** A pixel's grey level: the luma of an RGB pixel, the value itself otherwise. */
    private static double grey(float[] image, int at, int channels, int plane, int p) {
        return channels == 3 ? 0.299 * image[at + p] + 0.587 * image[at + plane + p] + 0.114 * image[at + 2 * plane + p]
                : image[at + p];
    }

    /**
     * {@code copies} augmented copies of one image of {@code channels}×{@code h}×{@code w} (flat, channels first),
     * one after another, each changed as a training batch would change it, drawn from {@code seed}; the image itself
     * is left as it was. For showing the user what an augmentation does before a run.
     */
    public float[] preview(float[] image, int channels, int h, int w, int copies, long seed) {
        int size = channels * h * w;
        if (image.length != size) {
            throw new IllegalArgumentException("The image holds " + image.length + " values, not " + channels + "×" + h
                    + "×" + w + ".");
        }
        if (copies < 0) {
            throw new IllegalArgumentException("The number of copies cannot be negative; got " + copies);
        }
        float[] out = new float[copies * size];
        for (int i = 0; i < copies; i++) {
            System.arraycopy(image, 0, out, i * size, size);
        }
        apply(out, copies, channels, h, w, new Random(seed));
        return out;
    }

    /**
     * Each output pixel reads the input where the flip, shift and rotation (about the centre) take it from, by
     * bilinear interpolation; places outside the image read 0, as a crop of a zero-padded image does.
     */
    private static void warp(float[] src, int at, float[] out, int channels, int h, int w, boolean mirror, int dx, int dy,
                             double angle) {
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // Undo the shift, then the rotation, then the flip.
                double px = x - dx - cx;
                double py = y - dy - cy;
                double sx = cos * px + sin * py + cx;
                double sy = -sin * px + cos * py + cy;
                if (mirror) {
                    sx = w - 1 - sx;
                }
                for (int c = 0; c < channels; c++) {
                    out[c * h * w + y * w + x] = sample(src, at + c * h * w, h, w, sx, sy);
                }
            }
        }
    }

    private static float sample(float[] src, int at, int h, int w, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (float) ((1 - fy) * ((1 - fx) * pixel(src, at, h, w, x0, y0) + fx * pixel(src, at, h, w, x0 + 1, y0))
                + fy * ((1 - fx) * pixel(src, at, h, w, x0, y0 + 1) + fx * pixel(src, at, h, w, x0 + 1, y0 + 1)));
    }

    private static float pixel(float[] src, int at, int h, int w, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0 : src[at + y * w + x];
    }
}
