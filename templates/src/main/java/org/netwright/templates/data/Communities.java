package org.netwright.templates.data;

import java.util.Random;

/**
 * A planted-partition graph: nodes split into equal communities, each pair joined with probability
 * {@code pIn} inside a community and {@code pOut} across; the label is the community. Features are
 * one-hot identities, so a model must learn the communities from the edges alone; or, with a feature noise
 * above 0, a noisy hint of the community: its one-hot vector plus Gaussian noise of that standard deviation, so
 * that neither the features nor the edges alone give every node its community. Deterministic for a seed.
 */
public final class Communities {
    /** Defaults for the {@code communities} generator: 4 groups of 25 that a two-layer GCN separates. */
    public static final int DEFAULT_NODES = 100;
    public static final int DEFAULT_COMMUNITIES = 4;
    public static final double DEFAULT_P_IN = 0.3;
    public static final double DEFAULT_P_OUT = 0.02;
    private Communities() {
    }

    /** The graph with one-hot identity features (no features of the nodes' own). */
    public static GraphDataset generate(int nodes, int communities, double pIn, double pOut, long seed) {
        return generate(nodes, communities, pIn, pOut, 0, seed);
    }

    /**
     * The graph with identity features when {@code featureNoise} is 0, else with one feature per community: the
     * node's one-hot community plus Gaussian noise of standard deviation {@code featureNoise}.
     */
    public static GraphDataset generate(int nodes, int communities, double pIn, double pOut, double featureNoise,
                                        long seed) {
        if (featureNoise < 0) {
            throw new IllegalArgumentException("Feature noise must be 0 (identity features) or more; got " + featureNoise);
        }
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
        if (featureNoise == 0) {
            return new GraphDataset(nodes, GraphDataset.identityFeatures(nodes), nodes, adjacency, labels, communities);
        }
        // Drawn after the edges, so a seed gives the same edges with or without noisy features.
        float[] features = new float[nodes * communities];
        for (int i = 0; i < nodes; i++) {
            for (int c = 0; c < communities; c++) {
                features[i * communities + c] = (float) ((labels[i] == c ? 1 : 0) + featureNoise * random.nextGaussian());
            }
        }
        return new GraphDataset(nodes, features, communities, adjacency, labels, communities);
    }
}
