package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.netwright.model.graph.Graph;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.templates.data.GraphDataset;
import org.netwright.templates.data.NodeSplit;

/**
 * Node classification on one graph: every step runs the whole graph and takes the loss over a batch of
 * training nodes (all of them when the batch size covers them, as in Kipf and Welling); validation and test
 * score their own nodes. The other nodes' labels never reach the loss.
 */
final class NodeTask implements SingleLossTask {
    /** The label of a node the loss must not see, as {@link MaskedNodeLoss} expects. */
    private static final float HIDDEN = -1f;

    private final NodeSplit split;
    private final GraphDataset graph;
    private final boolean crossEntropy;
    private final MaskedNodeLoss loss = new MaskedNodeLoss();

    NodeTask(NodeSplit split, boolean crossEntropy) {
        this.split = split;
        this.graph = split.graph();
        this.crossEntropy = crossEntropy;
    }

    @Override
    public GraphBlock compile(Graph g) {
        return GraphCompiler.compile(g, true);
    }

    @Override
    public String mismatch(GraphBlock block) {
        String input = block.inputIds().get(0);
        int n = graph.nodes();
        int f = graph.featureCount();
        List<String> ports = block.inputPorts();
        if (ports.size() != 2) {
            return "The data is one graph of " + n + " nodes for node classification, so the network must start with a"
                    + " graph input; its input layer '" + input + "' gives " + block.outputShape(input).describe() + ".";
        }
        org.netwright.model.shape.Shape features = block.portShape(ports.get(0));
        if (features.dim(0) != n || features.dim(1) != f) {
            return "The graph has " + n + " nodes with " + f + " features each, but the graph input '" + input
                    + "' expects " + features.dim(0) + " nodes with " + features.dim(1) + " features each.";
        }
        org.netwright.model.shape.Shape out = block.outputShape(block.outputId());
        int classes = graph.numClasses();
        if (!out.equals(org.netwright.model.shape.Shape.of(n, classes))) {
            return "The graph's nodes fall into " + classes + " classes, so the output layer '" + block.outputId()
                    + "' must give " + n + "×" + classes + " (a score per class for each node); it gives " + out + ".";
        }
        if (!crossEntropy) {
            return "Node classification trains with the cross-entropy loss; these settings ask for mse.";
        }
        if (split.train().length == 0) {
            return "There are no training nodes left after the validation and test split.";
        }
        return null;
    }

    @Override
    public int trainSize() {
        return split.train().length;
    }

    @Override
    public Shape[] inputShapes(int batch) {
        // One graph per step whatever the batch size: the batch counts labelled nodes, not graphs.
        return new Shape[] {new Shape(1, graph.nodes(), graph.featureCount()), new Shape(1, graph.nodes(), graph.nodes())};
    }

    @Override
    public NDList probeInputs(NDManager scope, int[] order, int from, int to) {
        return wholeGraph(scope);
    }

    @Override
    public StepLoss trainStep(Trainer trainer, NDManager scope, int[] order, int from, int to) {
        NDList predictions = trainer.forward(wholeGraph(scope));
        return new StepLoss(loss.evaluate(targets(scope, order, from, to), predictions), Map.of());
    }

    /**
     * The graph's arrays, made afresh in the step's scope: ops put their results in their inputs' manager, so
     * arrays kept in the trainer's manager would collect every step's activations there.
     */
    private NDList wholeGraph(NDManager scope) {
        int n = graph.nodes();
        return new NDList(scope.create(graph.features(), new Shape(1, n, graph.featureCount())),
                scope.create(graph.adjacency(), new Shape(1, n, n)));
    }

    private NDList targets(NDManager scope, int[] order, int from, int to) {
        int[] nodes = new int[to - from];
        for (int i = from; i < to; i++) {
            nodes[i - from] = split.train()[order[i]];
        }
        return labelsOf(scope, nodes);
    }

    /** Labels 1×N with the class ids of {@code nodes} and {@link #HIDDEN} everywhere else. */
    private NDList labelsOf(NDManager scope, int[] nodes) {
        float[] labels = new float[graph.nodes()];
        Arrays.fill(labels, HIDDEN);
        for (int node : nodes) {
            labels[node] = graph.labels()[node];
        }
        return new NDList(scope.create(labels, new Shape(1, graph.nodes())));
    }

    @Override
    public Evaluation validate(Trainer trainer) {
        return evaluate(trainer, split.validation());
    }

    @Override
    public Evaluation test(Trainer trainer) {
        return evaluate(trainer, split.test());
    }

    /** Mean loss and accuracy over {@code nodes}, from one pass over the whole graph; NONE without nodes. */
    private Evaluation evaluate(Trainer trainer, int[] nodes) {
        if (nodes.length == 0) {
            return Evaluation.NONE;
        }
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDList predictions = trainer.evaluate(wholeGraph(scope));
            float value = loss.evaluate(labelsOf(scope, nodes), predictions).getFloat();
            NDArray scores = predictions.get(0);
            long[] predicted = scores.reshape(graph.nodes(), -1).argMax(1).toLongArray();
            int hits = 0;
            for (int node : nodes) {
                hits += predicted[node] == graph.labels()[node] ? 1 : 0;
            }
            return new Evaluation((double) value, Map.of("accuracy", (double) hits / nodes.length));
        }
    }
}
