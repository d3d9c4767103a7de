package org.netwright.templates.data;

/**
 * Grey images 1×size×size of the digits 0 to 9 drawn as seven-segment numerals (class = the digit), each
 * at a random place, height, slant and stroke width on a noisy background: ten classes that need no
 * download, for LeNet-style networks.
 */
public final class SegmentDigits {
    public static final int CLASSES = 10;
    public static final int DEFAULT_SIZE = 32;

    /** Segments a..g lit per digit, bit 0 = a (top), then b (top right), c, d (bottom), e, f (top left), g (middle). */
    private static final int[] LIT = {0x3F, 0x06, 0x5B, 0x4F, 0x66, 0x6D, 0x7D, 0x07, 0x7F, 0x6F};
    /** Each segment as a line in a unit box (x right, y down): x0, y0, x1, y1. */
    private static final double[][] SEGMENTS = {
        {0, 0, 1, 0}, {1, 0, 1, 0.5}, {1, 0.5, 1, 1}, {0, 1, 1, 1}, {0, 0.5, 0, 1}, {0, 0, 0, 0.5}, {0, 0.5, 1, 0.5},
    };

    private SegmentDigits() {
    }

    /** {@code n} images, digits taking turns so the classes stay balanced; the same seed gives the same images. */
    public static Dataset generate(int n, int size, long seed) {
        if (size < 12) {
            throw new IllegalArgumentException("Segment digits need images of at least 12×12; got " + size);
        }
        return GreyImages.draw(n, size, CLASSES, seed, (digit, random) -> {
            // Height between half and 80% of the image, width half the height, so every digit fits and stays readable.
            double h = size * (0.5 + 0.3 * random.nextDouble());
            double w = h * (0.45 + 0.1 * random.nextDouble());
            double slant = 0.25 * (random.nextDouble() - 0.5);
            double lean = slant * h;
            double x0 = 1 + Math.max(0, -lean) + random.nextDouble() * (size - 2 - w - Math.abs(lean));
            double y0 = 1 + random.nextDouble() * (size - 2 - h);
            double stroke = Math.max(0.8, size * (0.035 + 0.025 * random.nextDouble()));
            double ink = 0.7 + 0.3 * random.nextDouble();
            return new GreyImages.Figure() {
                @Override
                public double ink() {
                    return ink;
                }

                @Override
                public boolean covers(int col, int row) {
                    return lit(LIT[digit], col, row, x0, y0, w, h, slant, stroke);
                }
            };
        });
    }

    /** Whether pixel (px, py) lies within half a stroke of one of the lit segments of the numeral's box. */
    private static boolean lit(int mask, double px, double py, double x0, double y0, double w, double h, double slant,
                               double stroke) {
        for (int s = 0; s < SEGMENTS.length; s++) {
            if ((mask & (1 << s)) == 0) {
                continue;
            }
            double[] seg = SEGMENTS[s];
            // Slant shifts each point right by how far it sits above the bottom of the box.
            double ax = x0 + seg[0] * w + slant * (1 - seg[1]) * h;
            double ay = y0 + seg[1] * h;
            double bx = x0 + seg[2] * w + slant * (1 - seg[3]) * h;
            double by = y0 + seg[3] * h;
            if (distanceToSegment(px, py, ax, ay, bx, by) <= stroke / 2 + 0.5) {
                return true;
            }
        }
        return false;
    }

    private static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy);
        t = Math.max(0, Math.min(1, t));
        double cx = ax + t * dx - px;
        double cy = ay + t * dy - py;
        return Math.sqrt(cx * cx + cy * cy);
    }
}
