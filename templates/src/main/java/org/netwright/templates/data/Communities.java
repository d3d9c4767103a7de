package org.netwright.templates.data;

import java.util.Random;

/**
 * A planted-partition graph: nodes split into equal communities, each pair joined with probability
 * {@code pIn} inside a community and {@code pOut} across; the label is the community. Features are
 * one-hot identities, so a model must learn the communities from the edges alone. Deterministic for a seed.
 */
public final class Communities {
    /** Defaults for the {@code communities} generator: 4 groups of 25 that a two-layer GCN separates. */
    public static final int DEFAULT_NODES = 100;
    public static final int DEFAULT_COMMUNITIES = 4;
    public static final double DEFAULT_P_IN = 0.3;
    public static final double DEFAULT_P_OUT = 0.02;
    private Communities() {
    }

    public static GraphDataset generate(int nodes, int communities, double pIn, double pOut, long seed) {
        if (communities < 2 || nodes < communities) {
            throw new IllegalArgumentException("Need at least 2 communities and a node for each; got " + nodes
                    + " nodes in " + communities + " communities");
        }
        if (pIn < 0 || pIn > 1 || pOut < 0 || pOut > 1) {
            throw new IllegalArgumentException("Edge probabilities must be within 0..1; got " + pIn + " and " + pOut);
        }
        Random random = new Random(seed);
        int[] labels = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            labels[i] = (int) ((long) i * communities / nodes);
        }
        float[] adjacency = new float[nodes * nodes];
        for (int i = 0; i < nodes; i++) {
            for (int j = i + 1; j < nodes; j++) {
                double p = labels[i] == labels[j] ? pIn : pOut;
                if (random.nextDouble() < p) {
                    adjacency[i * nodes + j] = 1;
                    adjacency[j * nodes + i] = 1;
                }
            }
        }
        return new GraphDataset(nodes, GraphDataset.identityFeatures(nodes), nodes, adjacency, labels, communities);
    }
}
