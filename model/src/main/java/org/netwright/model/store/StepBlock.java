package org.netwright.model.store;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A batch of one key's per-step points (a run's training loss) packed into one value of the project file, beside the
 * same points' rows in {@code metrics}: a reopened run of a million steps reads about two thousand such values instead
 * of a million rows, which took half a second of the JDBC driver's per-row work (README "Large graphs"). The rows stay
 * what every other query reads; these only make the window's read of a whole curve fast.
 *
 * <p>Layout, little-endian: format byte (1); point count n; first step; whether the steps run one by one from it (1)
 * or are listed (0, then n steps); the number of runs of equal epochs, each an epoch and its length; n values (NaN for
 * a diverged loss, as written). Seconds are not kept: no view draws a single step's time. About 8 bytes a point
 * instead of the row's 40 or so.
 */
final class StepBlock {
    private static final byte FORMAT = 1;

    private StepBlock() {
    }

    /** {@code points} (one key's, in the order written; at least one) packed. */
    static byte[] pack(List<MetricPoint> points) {
        int n = points.size();
        if (n == 0) {
            throw new IllegalArgumentException("no points to pack");
        }
        long first = points.get(0).step();
        boolean consecutive = true;
        int epochRuns = 1;
        for (int i = 1; i < n; i++) {
            consecutive &= points.get(i).step() == first + i;
            if (points.get(i).epoch() != points.get(i - 1).epoch()) {
                epochRuns++;
            }
        }
        ByteBuffer b = ByteBuffer.allocate(1 + 4 + 8 + 1 + (consecutive ? 0 : 8 * n) + 4 + 8 * epochRuns + 8 * n)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(FORMAT).putInt(n).putLong(first).put((byte) (consecutive ? 1 : 0));
        if (!consecutive) {
            points.forEach(p -> b.putLong(p.step()));
        }
        b.putInt(epochRuns);
        int runStart = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || points.get(i).epoch() != points.get(runStart).epoch()) {
                b.putInt(points.get(runStart).epoch()).putInt(i - runStart);
                runStart = i;
            }
        }
        points.forEach(p -> b.putDouble(p.value()));
        return b.array();
    }

    /**
     * Appends the points packed in {@code block} to {@code into} (seconds NaN). Throws {@link IllegalArgumentException}
     * for a block this version cannot read (damaged, or of another format), having appended nothing.
     */
    static void unpack(byte[] block, StepSeries.Builder into) {
        ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (b.get() != FORMAT) {
                throw new IllegalArgumentException("a packed block of steps of an unknown format");
            }
            int n = b.getInt();
            long first = b.getLong();
            boolean consecutive = b.get() == 1;
            // The whole block is checked for length before anything is appended.
            if (n <= 0 || (long) n * (consecutive ? 8 : 16) > b.remaining()) {
                throw new IllegalArgumentException("a packed block of steps of a wrong length");
            }
            long[] steps = new long[n];
            for (int i = 0; i < n; i++) {
                steps[i] = consecutive ? first + i : b.getLong();
            }
            int[] epochs = new int[n];
            int runs = b.getInt();
            int at = 0;
            for (int r = 0; r < runs; r++) {
                int epoch = b.getInt();
                int length = b.getInt();
                if (length <= 0 || length > n - at) {
                    throw new IllegalArgumentException("a packed block of steps whose epochs do not add up");
                }
                java.util.Arrays.fill(epochs, at, at + length, epoch);
                at += length;
            }
            if (at != n || b.remaining() != 8 * n) {
                throw new IllegalArgumentException("a packed block of steps whose epochs or values do not add up");
            }
            for (int i = 0; i < n; i++) {
                into.add(steps[i], epochs[i], b.getDouble(), Double.NaN);
            }
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("a packed block of steps cut short", e);
        }
    }
}
