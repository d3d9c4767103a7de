package org.netwright.app.insight;

/**
 * Layer values drawn as ARGB pixels: a grid of grey tiles (filters, feature maps, images) and a heat map (attention).
 * Pure functions, so the arithmetic is tested without a display.
 */
final class MapPictures {
    private MapPictures() {
    }

    /** Pixels of {@code width}×{@code height}, row-major ARGB. */
    record Picture(int width, int height, int[] argb) {
    }

    /**
     * {@code count} tiles of {@code h}×{@code w} values each (laid one after another in {@code values}), {@code cols}
     * to a row, each value {@code zoom}×{@code zoom} pixels, tiles one white pixel apart. A tile's values run from
     * black to white over its own range, or over {@code lo..hi} when both are finite (so inputs and their
     * reconstructions compare).
     */
    static Picture tiles(float[] values, int count, int h, int w, int zoom, int cols, double lo, double hi) {
        int rows = (count + cols - 1) / cols;
        int tw = w * zoom + 1;
        int th = h * zoom + 1;
        int width = Math.max(1, Math.min(count, cols) * tw - 1);
        int height = Math.max(1, rows * th - 1);
        int[] out = new int[width * height];
        java.util.Arrays.fill(out, 0xffffffff);
        boolean fixed = Double.isFinite(lo) && Double.isFinite(hi) && hi > lo;
        for (int t = 0; t < count; t++) {
            double a = lo;
            double b = hi;
            if (!fixed) {
                a = Double.POSITIVE_INFINITY;
                b = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < h * w; i++) {
                    a = Math.min(a, values[t * h * w + i]);
                    b = Math.max(b, values[t * h * w + i]);
                }
            }
            double range = b > a ? b - a : 1;
            int x0 = (t % cols) * tw;
            int y0 = (t / cols) * th;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double v = (values[t * h * w + y * w + x] - a) / range;
                    int g = (int) Math.round(255 * Math.max(0, Math.min(1, Double.isNaN(v) ? 0 : v)));
                    int argb = 0xff000000 | g << 16 | g << 8 | g;
                    for (int dy = 0; dy < zoom; dy++) {
                        for (int dx = 0; dx < zoom; dx++) {
                            out[(y0 + y * zoom + dy) * width + x0 + x * zoom + dx] = argb;
                        }
                    }
                }
            }
        }
        return new Picture(width, height, out);
    }

    /** A {@code rows}×{@code cols} heat map, white at 0 to deep blue at the largest value, each cell zoom² pixels. */
    static Picture heat(float[] values, int rows, int cols, int zoom) {
        float top = 0;
        for (float v : values) {
            top = Math.max(top, v);
        }
        int width = cols * zoom;
        int[] out = new int[rows * zoom * width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double t = top > 0 ? Math.max(0, values[r * cols + c]) / top : 0;
                int red = (int) Math.round(255 - t * (255 - 0x0d));
                int green = (int) Math.round(255 - t * (255 - 0x47));
                int blue = (int) Math.round(255 - t * (255 - 0xa1));
                int argb = 0xff000000 | red << 16 | green << 8 | blue;
                for (int dy = 0; dy < zoom; dy++) {
                    for (int dx = 0; dx < zoom; dx++) {
                        out[(r * zoom + dy) * width + c * zoom + dx] = argb;
                    }
                }
            }
        }
        return new Picture(width, rows * zoom, out);
    }

    /** Filters F×C×kh×kw as F tiles of kh×kw: each filter's weights averaged over its input channels. */
    static float[] channelMeans(float[] values, int[] shape) {
        int f = shape[0];
        int c = shape[1];
        int plane = shape.length == 4 ? shape[2] * shape[3] : shape[2];
        float[] out = new float[f * plane];
        for (int i = 0; i < f; i++) {
            for (int j = 0; j < c; j++) {
                for (int p = 0; p < plane; p++) {
                    out[i * plane + p] += values[(i * c + j) * plane + p] / c;
                }
            }
        }
        return out;
    }

    /**
     * An image of {@code c} channels (1: grey, 3: colour; C×H×W values) as pixels, each value {@code zoom}² pixels;
     * values in 0..1 are drawn as they are, others stretched over the image's own range.
     */
    static Picture image(float[] values, int c, int h, int w, int zoom) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo >= 0 && hi <= 1) {
            lo = 0;
            hi = 1;
        }
        double range = hi > lo ? hi - lo : 1;
        int plane = h * w;
        int width = w * zoom;
        int[] out = new int[plane * zoom * zoom];
        for (int p = 0; p < plane; p++) {
            int rgb = 0;
            for (int k = 0; k < 3; k++) {
                int ch = c >= 3 ? k : 0;
                float v = ch * plane + p < values.length ? values[ch * plane + p] : 0;
                double t = Float.isFinite(v) ? (v - lo) / range : 0;
                rgb = rgb << 8 | (int) Math.round(255 * Math.max(0, Math.min(1, t)));
            }
            int y = p / w;
            int x = p % w;
            for (int dy = 0; dy < zoom; dy++) {
                for (int dx = 0; dx < zoom; dx++) {
                    out[(y * zoom + dy) * width + x * zoom + dx] = 0xff000000 | rgb;
                }
            }
        }
        return new Picture(width, h * zoom, out);
    }
}
