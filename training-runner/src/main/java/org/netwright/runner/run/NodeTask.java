package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.netwright.model.graph.Graph;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.runner.nd.StepConstants;
import org.netwright.templates.data.GraphDataset;
import org.netwright.templates.data.NodeSplit;

/**
 * Node classification on one graph: every step runs the whole graph and takes the loss over a batch of
 * training nodes (all of them when the batch size covers them, as in Kipf and Welling); validation and test
 * score their own nodes. The other nodes' labels never reach the loss.
 */
final class NodeTask implements SingleLossTask {
    private final NodeSplit split;
    private final GraphDataset graph;
    private final boolean crossEntropy;
    private final MaskedNodeLoss loss = new MaskedNodeLoss();
    /** The graph's features and adjacency, made once for the run and lent to each step (see {@link #lent}). */
    private StepConstants constants;
    private NDList graphArrays;

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
        List<String> ports = block.inputPorts();
        if (ports.size() != 2) {
            return "The data is one graph of " + n + " nodes for node classification, so the network must start with a"
                    + " graph input; its input layer '" + input + "' gives " + block.outputShape(input).describe() + ".";
        }
        // The data check's own judgement of a graph against the network (DataSources.whyNotFit), as GraphBatchTask.
        java.util.Optional<String> misfit = org.netwright.runner.data.DataSources.whyNotFit(graph,
                block.portShape(ports.get(0)), input, block.outputShape(block.outputId()), block.outputId());
        if (misfit.isPresent()) {
            return misfit.get();
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
    public StepValues step(Trainer trainer, NDManager scope, int[] order, int from, int to, Consumer<Trainer> update) {
        lent(trainer, scope);
        try {
            return SingleLossTask.super.step(trainer, scope, order, from, to, update);
        } finally {
            constants.takeBack();
        }
    }

    @Override
    public StepLoss trainStep(Trainer trainer, NDManager scope, int[] order, int from, int to) {
        NDList predictions = trainer.forward(lent(trainer, scope));
        int[] nodes = new int[to - from];
        for (int i = from; i < to; i++) {
            nodes[i - from] = split.train()[order[i]];
        }
        return new StepLoss(loss(scope, predictions, nodes), Map.of());
    }

    /**
     * The graph's arrays for a step: made once, then lent to each step's {@code scope} (whatever the step computes
     * from them dies with it), so the step neither copies the N×N adjacency again nor normalizes it again (the GCN
     * layers' propagation is derived once per run, see {@link StepConstants#derive}).
     */
    private NDList lent(Trainer trainer, NDManager scope) {
        if (constants == null) {
            int n = graph.nodes();
            constants = new StepConstants(trainer.getManager());
            graphArrays = new NDList(constants.keep(trainer.getManager().create(graph.features(),
                    new Shape(1, n, graph.featureCount()))),
                    constants.keep(trainer.getManager().create(graph.adjacency(), new Shape(1, n, n))));
        }
        if (graphArrays.get(0).getManager() != scope) {
            constants.lendTo(scope);
        }
        return graphArrays;
    }

    /** The graph's arrays made afresh in {@code scope}, for a look inside the network outside a step. */
    private NDList wholeGraph(NDManager scope) {
        int n = graph.nodes();
        return new NDList(scope.create(graph.features(), new Shape(1, n, graph.featureCount())),
                scope.create(graph.adjacency(), new Shape(1, n, n)));
    }

    /** The masked cross-entropy over {@code nodes}, with their one-hot labels made here (a zero row for every other node). */
    private NDArray loss(NDManager scope, NDList predictions, int[] nodes) {
        int classes = graph.numClasses();
        float[] oneHot = new float[graph.nodes() * classes];
        for (int node : nodes) {
            oneHot[node * classes + graph.labels()[node]] = 1f;
        }
        return loss.evaluate(predictions.singletonOrThrow(),
                scope.create(oneHot, new Shape(1, graph.nodes(), classes)), nodes.length);
    }

    @Override
    public Evaluation validate(Trainer trainer) {
        return evaluate(trainer, split.validation());
    }

    @Override
    public Evaluation test(Trainer trainer) {
        return evaluate(trainer, split.test());
    }

    @Override
    public void close() {
        if (constants != null) {
            constants.close();
            constants = null;
        }
    }

    /** Mean loss and accuracy over {@code nodes}, from one pass over the whole graph; NONE without nodes. */
    private Evaluation evaluate(Trainer trainer, int[] nodes) {
        if (nodes.length == 0) {
            return Evaluation.NONE;
        }
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDList predictions;
            try {
                predictions = trainer.evaluate(lent(trainer, scope));
            } finally {
                constants.takeBack();
            }
            float value = loss(scope, predictions, nodes).getFloat();
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
