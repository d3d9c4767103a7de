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
 * {@code noise}. Written as the data recipe's option {@value #OPTION}, e.g. {@code flip,crop=4,rotate=15,noise=0.05};
 * only training batches are changed, never validation or test ones.
 */
public record ImageAugmentation(boolean flip, int cropPadding, double rotationDegrees, double noise) {
    /** The data recipe option that holds the spec. */
    public static final String OPTION = "augment";

    public ImageAugmentation {
        if (cropPadding < 0 || cropPadding > 1024 || !(rotationDegrees >= 0 && rotationDegrees <= 180)
                || !(noise >= 0 && noise <= 100)) {
            throw new DataFileException("Augmentation takes crop from 0 to 1024 pixels, rotate from 0 to 180 degrees"
                    + " and noise from 0 to 100; got crop " + cropPadding + ", rotate " + rotationDegrees + ", noise "
                    + noise + ".");
        }
    }

    /** The recipe's augmentation, when it asks for one. */
    public static Optional<ImageAugmentation> of(DataRecipe recipe) {
        Object spec = recipe == null ? null : recipe.options().get(OPTION);
        return spec == null || spec.toString().isBlank() ? Optional.empty() : Optional.of(parse(spec.toString()));
    }

    /** Reads {@code flip,crop=P,rotate=D,noise=S} (any of them, any order); refuses anything else saying what. */
    public static ImageAugmentation parse(String spec) {
        boolean flip = false;
        int crop = 0;
        double rotate = 0;
        double noise = 0;
        for (String part : spec.split(",")) {
            String[] kv = part.trim().toLowerCase(Locale.ROOT).split("=", 2);
            try {
                switch (kv[0]) {
                    case "flip" -> flip = kv.length == 1 || Boolean.parseBoolean(kv[1]);
                    case "crop" -> crop = Integer.parseInt(value(kv));
                    case "rotate" -> rotate = Double.parseDouble(value(kv));
                    case "noise" -> noise = Double.parseDouble(value(kv));
                    default -> throw new DataFileException("--augment knows flip, crop=PIXELS, rotate=DEGREES and"
                            + " noise=DEVIATION (e.g. flip,crop=4,rotate=15); got '" + part.trim() + "'.");
                }
            } catch (NumberFormatException e) {
                throw new DataFileException("--augment: '" + part.trim() + "' needs a number after '='.");
            }
        }
        return new ImageAugmentation(flip, crop, rotate, noise);
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
        return String.join(",", parts);
    }

    /**
     * Changes {@code count} images of {@code channels}×{@code h}×{@code w} (flat, channels first) in place: one
     * flip, shift and angle per image (the same for its channels), then noise per pixel, all drawn from {@code random}.
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
            if (noise > 0) {
                for (int k = at; k < at + channels * plane; k++) {
                    images[k] += (float) (random.nextGaussian() * noise);
                }
            }
        }
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
