package org.netwright.templates.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * Which nodes of one graph train, which are watched during training and which are reported at the end:
 * node ids in ascending order, each node in exactly one part.
 */
public record NodeSplit(GraphDataset graph, int[] train, int[] validation, int[] test) {

    public NodeSplit {
        Objects.requireNonNull(graph, "graph");
        boolean[] seen = new boolean[graph.nodes()];
        for (int[] part : List.of(train, validation, test)) {
            for (int node : part) {
                if (node < 0 || node >= graph.nodes() || seen[node]) {
                    throw new IllegalArgumentException("Node " + node + " is outside 0.." + (graph.nodes() - 1)
                            + " or in two parts of the split");
                }
                seen[node] = true;
            }
        }
    }

    /**
     * Splits every class on its own, so that each part holds the classes in the graph's proportions: per
     * class, {@code round(fraction × class size)} nodes validate and as many test, drawn with {@code seed};
     * the rest train, and a class keeps at least one training node when it has any (a class nobody trains
     * on could never be predicted).
     */
    public static NodeSplit stratified(GraphDataset graph, double validationFraction, double testFraction, long seed) {
        if (validationFraction < 0 || testFraction < 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("Validation and test fractions must be 0 or more and below 1 together; got "
                    + validationFraction + " and " + testFraction);
        }
        int[] order = Dataset.shuffledIndices(graph.nodes(), new Random(Dataset.stream(seed, Dataset.SPLIT_STREAM)));
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < graph.numClasses(); c++) {
            byClass.add(new ArrayList<>());
        }
        for (int node : order) {
            byClass.get(graph.labels()[node]).add(node);
        }
        List<Integer> train = new ArrayList<>();
        List<Integer> validation = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> members : byClass) {
            int size = members.size();
            int nTest = (int) Math.round(testFraction * size);
            int nVal = (int) Math.round(validationFraction * size);
            if (size > 0 && nVal + nTest >= size) {
                // Give the class its one training node back, from the test part first (it is only read at the end).
                int excess = nVal + nTest - size + 1;
                int fromTest = Math.min(excess, nTest);
                nTest -= fromTest;
                nVal -= excess - fromTest;
            }
            validation.addAll(members.subList(0, nVal));
            test.addAll(members.subList(nVal, nVal + nTest));
            train.addAll(members.subList(nVal + nTest, size));
        }
        return new NodeSplit(graph, sorted(train), sorted(validation), sorted(test));
    }

    private static int[] sorted(List<Integer> nodes) {
        int[] out = nodes.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeSplit s && graph.equals(s.graph) && Arrays.equals(train, s.train)
                && Arrays.equals(validation, s.validation) && Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return Objects.hash(graph, Arrays.hashCode(train), Arrays.hashCode(validation),
                Arrays.hashCode(test));
    }

    @Override
    public String toString() {
        return "NodeSplit[" + graph.nodes() + " nodes: " + train.length + " train, " + validation.length
                + " validation, " + test.length + " test]";
    }
}
