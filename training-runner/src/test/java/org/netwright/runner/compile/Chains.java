package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Straight-line graphs for layer training tests, and the check that their loss falls. */
final class Chains {
    private static final int STEPS = 40;

    private Chains() {
    }

    /** The nodes connected one after the other, each "out" feeding the next one's "in". */
    static Graph chain(Node... nodes) {
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < nodes.length; i++) {
            edges.add(Edge.of(nodes[i - 1].id(), "out", nodes[i].id(), "in"));
        }
        return Graph.of(List.of(nodes), edges);
    }

    /**
     * Trains {@code graph} for 40 Adam steps; the last loss must be below 0.9 of the first. The engine's
     * random seed is left alone: it is global, and fixing it here changes what later tests in the JVM draw.
     */
    static List<Float> assertLossFalls(Graph graph, Function<NDManager, NDList> inputs,
                                       Function<NDManager, NDArray> labels, Loss loss, float learningRate) {
        List<Float> losses = LayerTraining.fit(graph, inputs, labels, loss, STEPS, learningRate);
        float first = losses.get(0);
        float last = losses.get(losses.size() - 1);
        assertTrue(Float.isFinite(last) && last < 0.9f * first, "loss " + first + " -> " + last + " " + losses);
        return losses;
    }
}
