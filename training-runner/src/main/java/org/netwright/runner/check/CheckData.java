package org.netwright.runner.check;

import java.util.Arrays;
import java.util.Objects;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.data.GraphSet;
import org.netwright.templates.data.NodeSplit;
import org.netwright.templates.data.Samples;

/**
 * The data a check trains on, in whichever of the three forms a run takes (samples, the nodes of one graph, a set of
 * graphs), with the one operation the overfit check needs: keep a single batch of training items.
 */
public sealed interface CheckData {

    /** A run of {@code graph} with {@code settings} on this data. */
    TrainingRun run(Graph graph, TrainingSettings settings);

    /** How many items the training part holds. */
    int trainSize();

    /**
     * The first {@code size} training items as the whole training part; where the form allows it they also stand
     * as validation and test part, so the validation loss is the same batch's loss without dropout.
     */
    CheckData oneBatch(int size);

    /** Whether the validation loss of {@link #oneBatch} is measured on that batch itself. */
    boolean validatesOnBatch();

    /** Samples with named fields. */
    record SampleData(Samples.Split split) implements CheckData {
        public SampleData {
            Objects.requireNonNull(split, "split");
        }

        @Override
        public TrainingRun run(Graph graph, TrainingSettings settings) {
            return new TrainingRun(graph, settings, split);
        }

        @Override
        public int trainSize() {
            return split.train().size();
        }

        @Override
        public CheckData oneBatch(int size) {
            Samples one = split.train().subset(first(size));
            return new SampleData(new Samples.Split(one, one, one));
        }

        @Override
        public boolean validatesOnBatch() {
            return true;
        }
    }

    /** The nodes of one graph; a node sits in one part only, so the batch's validation is the split's own. */
    record NodeData(NodeSplit split) implements CheckData {
        public NodeData {
            Objects.requireNonNull(split, "split");
        }

        @Override
        public TrainingRun run(Graph graph, TrainingSettings settings) {
            return new TrainingRun(graph, settings, split);
        }

        @Override
        public int trainSize() {
            return split.train().length;
        }

        @Override
        public CheckData oneBatch(int size) {
            return new NodeData(new NodeSplit(split.graph(), Arrays.copyOf(split.train(), Math.min(size,
                    split.train().length)), split.validation(), split.test()));
        }

        @Override
        public boolean validatesOnBatch() {
            return false;
        }
    }

    /** A set of graphs, each one item. */
    record GraphSetData(GraphSet.Split split) implements CheckData {
        public GraphSetData {
            Objects.requireNonNull(split, "split");
        }

        @Override
        public TrainingRun run(Graph graph, TrainingSettings settings) {
            return new TrainingRun(graph, settings, split);
        }

        @Override
        public int trainSize() {
            return split.train().length;
        }

        @Override
        public CheckData oneBatch(int size) {
            int[] one = Arrays.copyOf(split.train(), Math.min(size, split.train().length));
            return new GraphSetData(new GraphSet.Split(split.set(), one, one, one));
        }

        @Override
        public boolean validatesOnBatch() {
            return true;
        }
    }

    private static int[] first(int size) {
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        return idx;
    }
}
