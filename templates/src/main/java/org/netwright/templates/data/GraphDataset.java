package org.netwright.templates.data;

import java.util.Objects;
import org.netwright.model.shape.Shape;
import org.netwright.model.task.FieldTransform;

/**
 * One graph for node classification: node features N×F and the adjacency N×N, both row-major, and a
 * class id per node. The arrays are what a {@code graph_input} feeds on its two ports.
 */
public final class GraphDataset {
    /** The name under which a graph's node features are noted, as a field of samples would be. */
    public static final String NODE_FEATURES = "node_features";
    private final int nodes;
    private final float[] features;
    private final int featureCount;
    private final float[] adjacency;
    private final int[] labels;
    private final int numClasses;
    private final FieldTransform featureTransform;

    /** Checks that the arrays agree with N and F and that every label is a class id; copies nothing. */
    public GraphDataset(int nodes, float[] features, int featureCount, float[] adjacency, int[] labels, int numClasses) {
        this(nodes, features, featureCount, adjacency, labels, numClasses, FieldTransform.NONE);
    }

    /**
     * As the plain constructor, noting how the features were made from the node table's raw values (standardization
     * fitted on the training nodes), so prediction and export apply the same transform.
     */
    public GraphDataset(int nodes, float[] features, int featureCount, float[] adjacency, int[] labels, int numClasses,
                        FieldTransform featureTransform) {
        this.featureTransform = Objects.requireNonNull(featureTransform, "featureTransform");
        this.nodes = nodes;
        this.features = Objects.requireNonNull(features, "features");
        this.featureCount = featureCount;
        this.adjacency = Objects.requireNonNull(adjacency, "adjacency");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.numClasses = numClasses;
        if (nodes < 1 || featureCount < 1 || numClasses < 1) {
            throw new IllegalArgumentException("A graph needs nodes, features and classes; got N=" + nodes + ", F="
                    + featureCount + ", " + numClasses + " classes");
        }
        if (features.length != (long) nodes * featureCount || adjacency.length != (long) nodes * nodes
                || labels.length != nodes) {
            throw new IllegalArgumentException("A graph of " + nodes + " nodes with " + featureCount + " features needs "
                    + (long) nodes * featureCount + " feature values, " + (long) nodes * nodes + " adjacency values and "
                    + nodes + " labels; got " + features.length + ", " + adjacency.length + " and " + labels.length);
        }
        for (int i = 0; i < nodes; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("Label " + labels[i] + " of node " + i + " is outside 0.." + (numClasses - 1));
            }
        }
    }

    /** One-hot identity features: node i has a 1 in column i, for graphs whose nodes carry no features of their own. */
    public static float[] identityFeatures(int nodes) {
        float[] out = new float[nodes * nodes];
        for (int i = 0; i < nodes; i++) {
            out[i * nodes + i] = 1;
        }
        return out;
    }

    public int nodes() {
        return nodes;
    }

    /** Node features N×F, row-major; callers must not change them. */
    public float[] features() {
        return features;
    }

    public int featureCount() {
        return featureCount;
    }

    /** Adjacency N×N, row-major, 1 where an edge joins two nodes; callers must not change it. */
    public float[] adjacency() {
        return adjacency;
    }

    /** The class id of every node; callers must not change them. */
    public int[] labels() {
        return labels;
    }

    public int numClasses() {
        return numClasses;
    }

    /** How the node features were made from the raw node table: {@link FieldTransform#NONE} unless noted. */
    public FieldTransform featureTransform() {
        return featureTransform;
    }

    public Shape featureShape() {
        return Shape.of(nodes, featureCount);
    }

    public Shape adjacencyShape() {
        return Shape.of(nodes, nodes);
    }

    /** A seeded train/validation/test split of the nodes, stratified by class; see {@link NodeSplit#stratified}. */
    public NodeSplit split(double validationFraction, double testFraction, long seed) {
        return NodeSplit.stratified(this, validationFraction, testFraction, seed);
    }

    /** Number of undirected edges (pairs i < j joined), self loops not counted. */
    public int edgeCount() {
        int count = 0;
        for (int i = 0; i < nodes; i++) {
            for (int j = i + 1; j < nodes; j++) {
                if (adjacency[i * nodes + j] != 0) {
                    count++;
                }
            }
        }
        return count;
    }
}
