package org.netwright.templates.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.netwright.model.task.FieldTransform;

/**
 * Many small graphs, each with one class label, for graph classification: graphs may differ in node count but
 * share the number of features per node. A run pads them to one node count when it batches them.
 */
public final class GraphSet {
    private final List<Item> graphs;
    private final int featureCount;
    private final int[] labels;
    private final int numClasses;
    private final FieldTransform featureTransform;
    private final List<String> classNames;

    /** One graph: its node count, node features N×F and adjacency N×N, row-major. */
    public record Item(int nodes, float[] features, float[] adjacency) {
        public Item {
            Objects.requireNonNull(features, "features");
            Objects.requireNonNull(adjacency, "adjacency");
            if (nodes < 1 || adjacency.length != (long) nodes * nodes || features.length % nodes != 0) {
                throw new IllegalArgumentException("A graph of " + nodes + " nodes needs " + (long) nodes * nodes
                        + " adjacency values and F values per node; got " + adjacency.length + " and " + features.length);
            }
        }
    }

    /** Checks that every graph has {@code featureCount} features per node and every label is a class id. */
    public GraphSet(List<Item> graphs, int featureCount, int[] labels, int numClasses) {
        this(graphs, featureCount, labels, numClasses, FieldTransform.NONE, List.of());
    }

    /**
     * As the plain constructor, noting how the node features were made from the raw node table (standardization
     * fitted on the training graphs' nodes), so prediction and export apply the same transform, and naming the
     * classes ({@code classNames} in id order, or empty when the ids are the names).
     */
    public GraphSet(List<Item> graphs, int featureCount, int[] labels, int numClasses, FieldTransform featureTransform,
                    List<String> classNames) {
        this.featureTransform = Objects.requireNonNull(featureTransform, "featureTransform");
        this.classNames = List.copyOf(classNames);
        if (!this.classNames.isEmpty() && this.classNames.size() != numClasses) {
            throw new IllegalArgumentException(numClasses + " classes need as many names; got " + classNames);
        }
        this.graphs = List.copyOf(graphs);
        this.featureCount = featureCount;
        this.labels = labels.clone();
        this.numClasses = numClasses;
        if (this.graphs.isEmpty() || featureCount < 1 || numClasses < 2) {
            throw new IllegalArgumentException("A graph set needs graphs, features and at least 2 classes; got "
                    + this.graphs.size() + " graphs, F=" + featureCount + ", " + numClasses + " classes");
        }
        if (labels.length != this.graphs.size()) {
            throw new IllegalArgumentException(this.graphs.size() + " graphs need as many labels; got " + labels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            Item g = this.graphs.get(i);
            if (g.features().length != (long) g.nodes() * featureCount) {
                throw new IllegalArgumentException("Graph " + i + " has " + g.features().length / g.nodes()
                        + " features per node; the set has " + featureCount);
            }
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new IllegalArgumentException("Label " + labels[i] + " of graph " + i + " is outside 0.."
                        + (numClasses - 1));
            }
        }
    }

    public int size() {
        return graphs.size();
    }

    public Item graph(int i) {
        return graphs.get(i);
    }

    public int label(int i) {
        return labels[i];
    }

    public int featureCount() {
        return featureCount;
    }

    public int numClasses() {
        return numClasses;
    }

    /** How the node features were made from the raw node table: {@link FieldTransform#NONE} unless noted. */
    public FieldTransform featureTransform() {
        return featureTransform;
    }

    /** The class names in id order: the graph table's labels, or the ids as text when it gave numbers. */
    public List<String> classNames() {
        if (!classNames.isEmpty()) {
            return classNames;
        }
        return java.util.stream.IntStream.range(0, numClasses).mapToObj(String::valueOf).toList();
    }

    /** Graphs per class, in class id order. */
    public int[] classCounts() {
        int[] counts = new int[numClasses];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    /** The node count of the largest graph: a graph input must take at least this many nodes. */
    public int maxNodes() {
        return graphs.stream().mapToInt(Item::nodes).max().orElseThrow();
    }

    /**
     * A seeded split of the graphs, stratified by class: per class {@code round(fraction × class size)} graphs
     * validate and as many test, the rest train.
     */
    public Split split(double validationFraction, double testFraction, long seed) {
        if (validationFraction < 0 || testFraction < 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("Validation and test fractions must be 0 or more and below 1 together; got "
                    + validationFraction + " and " + testFraction);
        }
        int[] order = Dataset.shuffledIndices(size(), new Random(Dataset.stream(seed, Dataset.SPLIT_STREAM)));
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i : order) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            int nVal = (int) Math.round(validationFraction * members.size());
            int nTest = Math.min((int) Math.round(testFraction * members.size()), members.size() - nVal);
            validation.addAll(members.subList(0, nVal));
            test.addAll(members.subList(nVal, nVal + nTest));
            train.addAll(members.subList(nVal + nTest, members.size()));
        }
        return new Split(this, sorted(train), sorted(validation), sorted(test));
    }

    private static int[] sorted(List<Integer> ids) {
        int[] out = ids.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }

    /** Which graphs train, which validate and which test: graph indices, each graph in exactly one part. */
    public record Split(GraphSet set, int[] train, int[] validation, int[] test) {
        public Split {
            Objects.requireNonNull(set, "set");
        }
    }
}
