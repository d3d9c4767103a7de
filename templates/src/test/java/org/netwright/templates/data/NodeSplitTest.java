package org.netwright.templates.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NodeSplitTest {
    /** 10 nodes of class 0, 20 of class 1 and 2 of class 2, without edges. */
    private static GraphDataset uneven() {
        int[] labels = IntStream.range(0, 32).map(i -> i < 10 ? 0 : i < 30 ? 1 : 2).toArray();
        return new GraphDataset(32, GraphDataset.identityFeatures(32), 32, new float[32 * 32], labels, 3);
    }

    private static int[] counts(GraphDataset g, int[] nodes) {
        int[] c = new int[g.numClasses()];
        for (int node : nodes) {
            c[g.labels()[node]]++;
        }
        return c;
    }

    @Test
    void eachClassIsSplitInTheSameProportions() {
        GraphDataset g = uneven();
        NodeSplit s = g.split(0.2, 0.3, 7);
        assertArrayEquals(new int[] {2, 4, 0}, counts(g, s.validation()));
        assertArrayEquals(new int[] {3, 6, 1}, counts(g, s.test()));
        assertArrayEquals(new int[] {5, 10, 1}, counts(g, s.train()));
    }

    @Test
    void aSmallClassKeepsOneTrainingNode() {
        GraphDataset g = uneven();
        NodeSplit s = g.split(0.3, 0.3, 7);
        // Class 2 would send round(0.6) = 1 node to each part and none to training; its test node trains instead.
        assertArrayEquals(new int[] {3, 6, 1}, counts(g, s.validation()));
        assertArrayEquals(new int[] {3, 6, 0}, counts(g, s.test()));
        assertArrayEquals(new int[] {4, 8, 1}, counts(g, s.train()));
    }

    @Test
    void everyNodeIsInExactlyOnePartAndTheSeedDecidesWhich() {
        GraphDataset g = uneven();
        NodeSplit s = g.split(0.2, 0.2, 7);
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())),
                Arrays.stream(s.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 32).toArray(), all);
        assertEquals(s, g.split(0.2, 0.2, 7));
        assertFalse(Arrays.equals(s.test(), g.split(0.2, 0.2, 8).test()));
    }

    @Test
    void fractionsThatLeaveNothingToTrainAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> uneven().split(0.5, 0.5, 1));
    }
}
