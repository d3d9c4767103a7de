package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** A healthy model whose gradients sum to exactly zero must still train (DJL's own first-step check refuses it). */
class CancellingGradientsTest {
    @Test
    void biasOnlyLearningBeforeCrossEntropyTrains() {
        Graph g = Graph.of(List.of(new Node("x", "vector_input", Map.of("features", 3), 0, 0),
                        new Node("head", "dense", Map.of("units", 2), 0, 0)),
                List.of(Edge.of("x", "out", "head", "in")));
        // Zero inputs and zero-initialised biases give logits (0, 0): the bias gradients are (-0.5, 0.5),
        // which sum to exactly 0, and every weight gradient is 0.
        List<Float> losses = LayerTraining.fit(g, m -> new NDList(m.zeros(new Shape(8, 3))),
                m -> m.zeros(new Shape(8)), Loss.softmaxCrossEntropyLoss(), 20, 0.1f);
        assertTrue(losses.get(losses.size() - 1) < 0.5 * losses.get(0), losses.toString());
    }
}
