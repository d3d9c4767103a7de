package org.netwright.templates.data;

/** Grey images 1×size×size of one filled circle (class 0), square (1) or triangle (2) on a noisy background. */
public final class Shapes {
    public static final int CIRCLE = 0;
    public static final int SQUARE = 1;
    public static final int TRIANGLE = 2;
    public static final int DEFAULT_SIZE = 16;

    private Shapes() {
    }

    /** {@code n} images, classes taking turns so they stay balanced, each with a random centre, size and brightness. */
    public static Dataset generate(int n, int size, long seed) {
        if (size < 8) {
            throw new IllegalArgumentException("Shapes need images of at least 8×8; got " + size);
        }
        return GreyImages.draw(n, size, 3, seed, (label, random) -> {
            // The half-extent stays between a quarter and ~40% of the image so every shape fits and is clearly visible.
            double half = size * (0.2 + 0.15 * random.nextDouble());
            double cx = half + random.nextDouble() * (size - 1 - 2 * half);
            double cy = half + random.nextDouble() * (size - 1 - 2 * half);
            double ink = 0.7 + 0.3 * random.nextDouble();
            return new GreyImages.Figure() {
                @Override
                public double ink() {
                    return ink;
                }

                @Override
                public boolean covers(int col, int row) {
                    return inside(label, col - cx, row - cy, half);
                }
            };
        });
    }

    /** Whether the pixel at offset (dx, dy) from the centre lies in the shape of half-extent {@code half}. */
    private static boolean inside(int label, double dx, double dy, double half) {
        return switch (label) {
            case CIRCLE -> dx * dx + dy * dy <= half * half;
            case SQUARE -> Math.abs(dx) <= half * 0.85 && Math.abs(dy) <= half * 0.85;
            default -> {
                // Apex up, base at the bottom: the allowed width grows linearly from the apex to the base.
                double t = (dy + half) / (2 * half);
                yield t >= 0 && t <= 1 && Math.abs(dx) <= t * half;
            }
        };
    }
}
