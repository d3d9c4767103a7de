package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netwright.runner.compile.Chains.assertLossFalls;
import static org.netwright.runner.compile.Graphs.node;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;

/** Multiply and Split: shapes on every port agree with DJL, values are right, and both take part in training. */
class MergeFamilyTest {

    static Stream<LayerCase> cases() {
        return Stream.of(
                new LayerCase("multiply", Map.of("inputs", 3), List.of(LayerCase.vector(7))),
                new LayerCase("multiply", Map.of("inputs", 2), List.of(LayerCase.image(2, 3, 4))),
                new LayerCase("split", Map.of("parts", 2, "axis", 0), List.of(LayerCase.image(4, 5, 6))),
                new LayerCase("split", Map.of("parts", 3, "axis", -1),
                        List.of(LayerCase.input("seq", "sequence_input", Map.of("steps", 4, "features", 6)))),
                new LayerCase("split", Map.of("parts", 4, "axis", 0), List.of(LayerCase.vector(8))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inferredShapesOnEveryPortEqualDjls(LayerCase c) {
        ShapeAgreement.check(c);
    }

    @Test
    void splitHandsEachPortItsOwnSlice() {
        Graph g = Graph.of(List.of(LayerCase.vector(6), node("s", "split", Map.of("parts", 3)),
                        node("r", "relu", Map.of())),
                List.of(Edge.of("in_v6", "out", "s", "in"), Edge.of("s", "out2", "r", "in")));
        GraphBlock middle = GraphCompiler.compile(g);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(12f).reshape(2, 6);
            middle.initialize(m, DataType.FLOAT32, x.getShape());
            NDArray out = middle.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            assertArrayEquals(new float[] {2, 3, 8, 9}, out.toFloatArray());
        }
    }

    @Test
    void multiplyIsTheElementWiseProduct() {
        Graph g = Graph.of(List.of(LayerCase.vector(3), node("m", "multiply", Map.of("inputs", 3))),
                List.of(Edge.of("in_v3", "out", "m", "in1"), Edge.of("in_v3", "out", "m", "in2"),
                        Edge.of("in_v3", "out", "m", "in3")));
        GraphBlock block = GraphCompiler.compile(g);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {-2, 0.5f, 3}).reshape(1, 3);
            block.initialize(m, DataType.FLOAT32, x.getShape());
            float[] out = block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().toFloatArray();
            assertEquals(-8f, out[0], 1e-6);
            assertEquals(0.125f, out[1], 1e-6);
            assertEquals(27f, out[2], 1e-6);
        }
    }

    @Test
    void aSigmoidGateThroughMultiplyLearns() {
        Graph g = Graph.of(List.of(LayerCase.vector(4), node("a", "dense", Map.of("units", 6)),
                        node("b", "dense", Map.of("units", 6)), node("gate", "sigmoid", Map.of()),
                        node("m", "multiply", Map.of("inputs", 2)), node("out", "dense", Map.of("units", 3))),
                List.of(Edge.of("in_v4", "out", "a", "in"), Edge.of("in_v4", "out", "b", "in"),
                        Edge.of("b", "out", "gate", "in"), Edge.of("a", "out", "m", "in1"),
                        Edge.of("gate", "out", "m", "in2"), Edge.of("m", "out", "out", "in")));
        assertLossFalls(g, m -> new NDList(m.randomNormal(new Shape(16, 4))), m -> m.arange(16f).mod(3),
                Loss.softmaxCrossEntropyLoss(), 0.03f);
    }

    @Test
    void bothHalvesOfASplitLearnThroughDifferentBranches() {
        Graph g = Graph.of(List.of(LayerCase.vector(4), node("d", "dense", Map.of("units", 8)),
                        node("s", "split", Map.of("parts", 2)), node("t", "tanh", Map.of()),
                        node("sum", "add", Map.of("inputs", 2)), node("out", "dense", Map.of("units", 3))),
                List.of(Edge.of("in_v4", "out", "d", "in"), Edge.of("d", "out", "s", "in"),
                        Edge.of("s", "out1", "t", "in"), Edge.of("t", "out", "sum", "in1"),
                        Edge.of("s", "out2", "sum", "in2"), Edge.of("sum", "out", "out", "in")));
        assertLossFalls(g, m -> new NDList(m.randomNormal(new Shape(16, 4))), m -> m.arange(16f).mod(3),
                Loss.softmaxCrossEntropyLoss(), 0.03f);
    }
}
