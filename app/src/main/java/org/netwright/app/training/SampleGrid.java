package org.netwright.app.training;

import org.netwright.model.run.RunEvent;

import java.util.Optional;

/**
 * A picture of a generative run's sample grid, as ARGB pixels the training panel shows: image samples (1 or 3
 * channels, C×H×W) side by side in their rows and columns with a one-pixel gap, values clipped to [0, 1]; 2-D
 * points as dots on a square plot scaled to hold them all. Other samples make no picture.
 *
 * @param width  pixels across
 * @param height pixels down
 * @param argb   the pixels row by row, 0xAARRGGBB
 */
public record SampleGrid(int width, int height, int[] argb) {
    private static final int GAP = 1;
    private static final int PLOT = 160;
    private static final int BACKGROUND = 0xFF808080;

    public SampleGrid {
        argb = argb.clone();
    }

    @Override
    public int[] argb() {
        return argb.clone();
    }

    /** The pixel at column {@code x}, row {@code y}. */
    public int pixel(int x, int y) {
        return argb[y * width + x];
    }

    /** The picture of {@code samples}, or empty when its samples are neither images nor 2-D points. */
    public static Optional<SampleGrid> of(RunEvent.Samples samples) {
        int[] shape = samples.sampleShape();
        if (shape.length == 3 && (shape[0] == 1 || shape[0] == 3) && shape[1] > 0 && shape[2] > 0) {
            return Optional.of(images(samples, shape[0], shape[1], shape[2]));
        }
        if (shape.length == 1 && shape[0] == 2) {
            return Optional.of(points(samples.values()));
        }
        return Optional.empty();
    }

    private static SampleGrid images(RunEvent.Samples s, int c, int h, int w) {
        int width = s.cols() * (w + GAP) - GAP;
        int height = s.rows() * (h + GAP) - GAP;
        int[] argb = new int[width * height];
        java.util.Arrays.fill(argb, BACKGROUND);
        float[] v = s.values();
        int size = c * h * w;
        for (int n = 0; n < s.rows() * s.cols(); n++) {
            int left = n % s.cols() * (w + GAP);
            int top = n / s.cols() * (h + GAP);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = 0;
                    for (int k = 0; k < 3; k++) {
                        rgb = rgb << 8 | level(v[n * size + (c == 1 ? 0 : k) * h * w + y * w + x]);
                    }
                    argb[(top + y) * width + left + x] = 0xFF000000 | rgb;
                }
            }
        }
        return new SampleGrid(width, height, argb);
    }

    /** A value's 0..255 level, clipped to [0, 1]. */
    static int level(float v) {
        double clipped = Float.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
        return (int) Math.round(clipped * 255);
    }

    private static SampleGrid points(float[] v) {
        double reach = 1e-6;
        for (float f : v) {
            if (Float.isFinite(f)) {
                reach = Math.max(reach, Math.abs(f));
            }
        }
        int[] argb = new int[PLOT * PLOT];
        java.util.Arrays.fill(argb, 0xFFFFFFFF);
        double scale = (PLOT / 2.0 - 4) / reach;
        for (int i = 0; i + 1 < v.length; i += 2) {
            if (!Float.isFinite(v[i]) || !Float.isFinite(v[i + 1])) {
                continue;
            }
            int cx = (int) Math.round(PLOT / 2.0 + v[i] * scale);
            // y grows upwards on the plot and downwards in pixels.
            int cy = (int) Math.round(PLOT / 2.0 - v[i + 1] * scale);
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int x = cx + dx;
                    int y = cy + dy;
                    if (x >= 0 && x < PLOT && y >= 0 && y < PLOT) {
                        argb[y * PLOT + x] = 0xFF1F5FBF;
                    }
                }
            }
        }
        return new SampleGrid(PLOT, PLOT, argb);
    }
}
