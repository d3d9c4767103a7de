package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import java.util.List;
import java.util.Map;
import org.netwright.model.graph.Graph;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.templates.data.GraphSet;

/**
 * Graph classification over many small graphs: a step batches graphs by padding each to the graph input's node
 * count (zero feature and adjacency rows for the padding, and a node mask of 1 for real nodes and 0 for padding
 * when the input gives one), the network pools each graph into one vector and scores its classes, and the loss
 * is the cross-entropy per graph.
 */
final class GraphBatchTask implements SingleLossTask {
    /** Graphs per evaluation batch: bounded so that the padded adjacency stays small. */
    private static final int EVAL_BATCH = 128;

    private final GraphSet.Split split;
    private final GraphSet set;
    private final boolean crossEntropy;
    private final MaskedNodeLoss loss = new MaskedNodeLoss();
    /** The graph input's node count and whether it takes a mask, once {@link #mismatch} has read the network. */
    private int nodes;
    private boolean masked;

    GraphBatchTask(GraphSet.Split split, boolean crossEntropy) {
        this.split = split;
        this.set = split.set();
        this.crossEntropy = crossEntropy;
    }

    @Override
    public GraphBlock compile(Graph g) {
        return GraphCompiler.compile(g, true);
    }

    @Override
    public String mismatch(GraphBlock block) {
        String input = block.inputIds().get(0);
        List<String> ports = block.inputPorts();
        if (block.inputIds().size() != 1 || ports.size() < 2) {
            return "The data are " + set.size() + " small graphs for graph classification, so the network must start"
                    + " with one graph input; its input layer '" + input + "' gives "
                    + block.outputShape(input).describe() + ".";
        }
        org.netwright.model.shape.Shape features = block.portShape(ports.get(0));
        java.util.Optional<String> misfit = org.netwright.runner.data.DataSources.whyNotFit(set, features, input,
                block.outputShape(block.outputId()), block.outputId());
        if (misfit.isPresent()) {
            return misfit.get();
        }
        if (!crossEntropy) {
            return "Graph classification trains with the cross-entropy loss; these settings ask for mse.";
        }
        if (split.train().length == 0) {
            return "There are no training graphs left after the validation and test split.";
        }
        nodes = features.dim(0);
        masked = ports.size() > 2;
        return null;
    }

    @Override
    public int trainSize() {
        return split.train().length;
    }

    @Override
    public Shape[] inputShapes(int batch) {
        Shape f = new Shape(batch, nodes, set.featureCount());
        Shape a = new Shape(batch, nodes, nodes);
        return masked ? new Shape[] {f, a, new Shape(batch, nodes)} : new Shape[] {f, a};
    }

    @Override
    public StepLoss trainStep(Trainer trainer, NDManager scope, int[] order, int from, int to) {
        int[] graphs = new int[to - from];
        for (int i = from; i < to; i++) {
            graphs[i - from] = split.train()[order[i]];
        }
        NDList predictions = trainer.forward(batch(scope, graphs));
        return new StepLoss(loss.evaluate(labels(scope, graphs), predictions), Map.of());
    }

    /** The graphs padded to the input's node count: features B×N×F, adjacency B×N×N and, when asked, the mask B×N. */
    private NDList batch(NDManager scope, int[] graphs) {
        int n = nodes;
        int f = set.featureCount();
        int b = graphs.length;
        float[] features = new float[b * n * f];
        float[] adjacency = new float[b * n * n];
        float[] mask = new float[b * n];
        for (int k = 0; k < b; k++) {
            GraphSet.Item g = set.graph(graphs[k]);
            int m = g.nodes();
            System.arraycopy(g.features(), 0, features, k * n * f, m * f);
            for (int i = 0; i < m; i++) {
                System.arraycopy(g.adjacency(), i * m, adjacency, k * n * n + i * n, m);
                mask[k * n + i] = 1;
            }
        }
        NDList out = new NDList(scope.create(features, new Shape(b, n, f)), scope.create(adjacency, new Shape(b, n, n)));
        if (masked) {
            out.add(scope.create(mask, new Shape(b, n)));
        }
        return out;
    }

    private NDList labels(NDManager scope, int[] graphs) {
        float[] y = new float[graphs.length];
        for (int i = 0; i < graphs.length; i++) {
            y[i] = set.label(graphs[i]);
        }
        return new NDList(scope.create(y, new Shape(graphs.length)));
    }

    @Override
    public Evaluation validate(Trainer trainer) {
        return evaluate(trainer, split.validation());
    }

    @Override
    public Evaluation test(Trainer trainer) {
        return evaluate(trainer, split.test());
    }

    /** Mean cross-entropy and accuracy over {@code graphs}, in batches; NONE without graphs. */
    private Evaluation evaluate(Trainer trainer, int[] graphs) {
        if (graphs.length == 0) {
            return Evaluation.NONE;
        }
        double lossSum = 0;
        int hits = 0;
        for (int from = 0; from < graphs.length; from += EVAL_BATCH) {
            int[] part = java.util.Arrays.copyOfRange(graphs, from, Math.min(graphs.length, from + EVAL_BATCH));
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDList predictions = trainer.evaluate(batch(scope, part));
                lossSum += loss.evaluate(labels(scope, part), predictions).getFloat() * part.length;
                NDArray scores = predictions.get(0);
                long[] predicted = scores.reshape(part.length, -1).argMax(1).toLongArray();
                for (int i = 0; i < part.length; i++) {
                    hits += predicted[i] == set.label(part[i]) ? 1 : 0;
                }
            }
        }
        return new Evaluation(lossSum / graphs.length, Map.of("accuracy", (double) hits / graphs.length));
    }
}
