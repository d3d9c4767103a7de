package org.netwright.templates.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Two classes of small graphs of varying size: class 0 a ring (a cycle through every node) with a few random
 * chords, class 1 a random tree (each new node joins a random earlier one). Nodes carry one constant feature,
 * so a network must tell the classes apart from the edges alone. Deterministic for a seed.
 */
public final class RingsAndTrees {
    public static final int DEFAULT_GRAPHS = 400;
    public static final int DEFAULT_MIN_NODES = 8;
    public static final int DEFAULT_MAX_NODES = 20;
    /** Class ids, in the order of {@link #CLASS_NAMES}. */
    public static final List<String> CLASS_NAMES = List.of("ring", "tree");

    private RingsAndTrees() {
    }

    /** {@code graphs} graphs, half of each class in random order, each of {@code minNodes..maxNodes} nodes. */
    public static GraphSet generate(int graphs, int minNodes, int maxNodes, long seed) {
        if (graphs < 2 || minNodes < 4 || maxNodes < minNodes) {
            throw new IllegalArgumentException("Need at least 2 graphs of at least 4 nodes, and max_nodes >= min_nodes;"
                    + " got " + graphs + " graphs of " + minNodes + ".." + maxNodes + " nodes");
        }
        Random random = new Random(seed);
        List<GraphSet.Item> items = new ArrayList<>();
        int[] labels = new int[graphs];
        for (int g = 0; g < graphs; g++) {
            int n = minNodes + random.nextInt(maxNodes - minNodes + 1);
            int label = random.nextInt(2);
            float[] a = new float[n * n];
            if (label == 0) {
                for (int i = 0; i < n; i++) {
                    join(a, n, i, (i + 1) % n);
                }
                // About one chord per six nodes, so rings are not all alike.
                int chords = Math.max(1, n / 6);
                for (int c = 0; c < chords; c++) {
                    join(a, n, random.nextInt(n), random.nextInt(n));
                }
            } else {
                for (int i = 1; i < n; i++) {
                    join(a, n, i, random.nextInt(i));
                }
            }
            float[] features = new float[n];
            java.util.Arrays.fill(features, 1f);
            items.add(new GraphSet.Item(n, features, a));
            labels[g] = label;
        }
        return new GraphSet(items, 1, labels, 2);
    }

    private static void join(float[] a, int n, int i, int j) {
        if (i != j) {
            a[i * n + j] = 1;
            a[j * n + i] = 1;
        }
    }
}
