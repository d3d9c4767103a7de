package org.netwright.runner.data;

import java.util.Locale;

/** An image size option ({@code HxW}) read once, and the bilinear resize that brings images to it. */
final class ImageSize {
    private static final int MAX = 4096;

    private ImageSize() {
    }

    /** {@code {height, width}} from {@code HxW} (e.g. {@code 28x28}); refused with the flag's words otherwise. */
    static int[] parse(String text) {
        String[] hw = text.toLowerCase(Locale.ROOT).split("[x×]");
        int h = 0;
        int w = 0;
        if (hw.length == 2) {
            try {
                h = Integer.parseInt(hw[0].trim());
                w = Integer.parseInt(hw[1].trim());
            } catch (NumberFormatException e) {
                h = 0;
            }
        }
        if (h < 1 || w < 1 || h > MAX || w > MAX) {
            throw new DataFileException(DataOption.IMAGE_SIZE.named() + " takes HEIGHTxWIDTH in pixels, e.g. 28x28"
                    + " (each 1 to " + MAX + "); got '" + text + "'.");
        }
        return new int[] {h, w};
    }

    /**
     * {@code count} images of {@code channels}×{@code h}×{@code w} (flat, channels first) resized to
     * {@code toH}×{@code toW} by bilinear interpolation with pixel centres aligned, as image libraries do.
     */
    static float[] resize(float[] src, int count, int channels, int h, int w, int toH, int toW) {
        DataFiles.requireRoom(count + " images resized to " + channels + "×" + toH + "×" + toW,
                (double) count * channels * toH * toW);
        float[] out = new float[count * channels * toH * toW];
        double sy = (double) h / toH;
        double sx = (double) w / toW;
        for (int y = 0; y < toH; y++) {
            double fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), h - 1);
            int y0 = (int) fy;
            int y1 = Math.min(y0 + 1, h - 1);
            double dy = fy - y0;
            for (int x = 0; x < toW; x++) {
                double fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), w - 1);
                int x0 = (int) fx;
                int x1 = Math.min(x0 + 1, w - 1);
                double dx = fx - x0;
                for (int p = 0; p < count * channels; p++) {
                    int in = p * h * w;
                    double v = (1 - dy) * ((1 - dx) * src[in + y0 * w + x0] + dx * src[in + y0 * w + x1])
                            + dy * ((1 - dx) * src[in + y1 * w + x0] + dx * src[in + y1 * w + x1]);
                    out[p * toH * toW + y * toW + x] = (float) v;
                }
            }
        }
        return out;
    }
}
