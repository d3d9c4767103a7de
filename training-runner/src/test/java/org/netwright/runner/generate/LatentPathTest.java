package org.netwright.runner.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Points evenly spaced on the line between two latent vectors, ends exact. */
class LatentPathTest {

    @Test
    void evenlySpacedWithBothEnds() {
        assertArrayEquals(new float[] {0, 10, 0.5f, 7.5f, 1, 5}, LatentPath.between(new float[] {0, 10},
                new float[] {1, 5}, 3), 1e-6f);
        assertArrayEquals(new float[] {0.1f, 0.2f}, LatentPath.between(new float[] {0.1f, 0.2f}, new float[] {3, 4},
                1));
        // Two points are the two ends themselves, bit for bit.
        assertArrayEquals(new float[] {0.7f, 0.3f}, LatentPath.between(new float[] {0.7f}, new float[] {0.3f}, 2));
    }

    @Test
    void refusesMismatchedEnds() {
        assertThrows(IllegalArgumentException.class, () -> LatentPath.between(new float[2], new float[3], 4));
        assertThrows(IllegalArgumentException.class, () -> LatentPath.between(new float[2], new float[2], 0));
    }
}
