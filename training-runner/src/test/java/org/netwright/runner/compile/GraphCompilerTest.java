package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netwright.runner.compile.Graphs.edge;
import static org.netwright.runner.compile.Graphs.node;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netwright.model.graph.Graph;

class GraphCompilerTest {

    private static NDArray run(GraphBlock block, NDManager manager, NDArray x) {
        block.initialize(manager, DataType.FLOAT32, x.getShape());
        return block.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
    }

    private static NDArray dense(Block child, ParameterStore store, NDArray x) {
        return child.forward(store, new NDList(x), false).singletonOrThrow();
    }

    @Test
    void residualBranchIsTheSumOfBothPaths() {
        GraphBlock block = GraphCompiler.compile(Graphs.residual());
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(5, 4));
            NDArray out = run(block, m, x);
            ParameterStore ps = new ParameterStore(m, false);
            Map<String, Block> w = block.weightedNodes();
            // Recompute the DAG by hand from the same child blocks: out(relu(a(x)) + b(x)).
            NDArray expected = dense(w.get("out"), ps, dense(w.get("a"), ps, x).maximum(0).add(dense(w.get("b"), ps, x)));
            assertArrayEquals(new long[] {5, 3}, out.getShape().getShape());
            assertTrue(out.allClose(expected, 1e-5, 1e-6, false));
        }
    }

    @Test
    void concatenateStacksTheBranchesChannels() {
        GraphBlock block = GraphCompiler.compile(Graphs.inception());
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(2, 1, 8, 8));
            run(block, m, x);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray c1 = dense(block.weightedNodes().get("c1"), ps, x);
            NDArray c2 = dense(block.weightedNodes().get("c2"), ps, x);
            NDArray cat = c1.concat(c2, 1);
            NDArray expected = dense(block.weightedNodes().get("out"), ps, cat.reshape(2, -1));
            NDArray out = block.forward(ps, new NDList(x), false).singletonOrThrow();
            assertArrayEquals(new long[] {2, 10, 8, 8}, cat.getShape().getShape());
            assertTrue(out.allClose(expected, 1e-5, 1e-6, false));
        }
    }

    @Test
    void finalSoftmaxIsSkippedInTheForwardPassButAppliedAtPrediction() {
        Graph g = Graph.of(List.of(node("input", "vector_input", Map.of("features", 3)),
                        node("d", "dense", Map.of("units", 4)), node("p", "softmax", Map.of())),
                List.of(edge("input", "d", "in"), edge("d", "p", "in")));
        GraphBlock block = GraphCompiler.compile(g, true);
        assertTrue(block.finalSoftmaxSkipped());
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(6, 3));
            NDArray logits = run(block, m, x);
            ParameterStore ps = new ParameterStore(m, false);
            assertTrue(logits.allClose(dense(block.weightedNodes().get("d"), ps, x)));
            NDArray probs = block.predict(ps, new NDList(x)).singletonOrThrow();
            assertTrue(probs.allClose(logits.softmax(-1)));
            assertTrue(probs.sum(new int[] {1}).allClose(m.ones(new Shape(6))));
        }
    }

    @Test
    void softmaxIsKeptWhenNotAskedToSkip() {
        Graph g = Graph.of(List.of(node("input", "vector_input", Map.of("features", 3)), node("p", "softmax", Map.of())),
                List.of(edge("input", "p", "in")));
        GraphBlock block = GraphCompiler.compile(g, false);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(2, 3));
            assertTrue(run(block, m, x).allClose(x.softmax(-1)));
        }
    }

    @Test
    void refusesAGraphWithAShapeProblemQuotingIt() {
        Graph g = Graph.of(List.of(node("input", "image_input", Map.of()), node("d", "dense", Map.of())),
                List.of(edge("input", "d", "in")));
        var e = assertThrows(GraphCompileException.class, () -> GraphCompiler.compile(g));
        assertTrue(e.getMessage().startsWith("The graph cannot run: d (Dense)"), e.getMessage());
        assertTrue(e.getMessage().contains("Flatten"), e.getMessage());
    }

    @Test
    void compilesSeveralOutputsInTheGraphsOrder() {
        Graph g = Graph.of(List.of(node("input", "vector_input", Map.of()), node("a", "relu", Map.of()),
                node("b", "tanh", Map.of())), List.of(edge("input", "a", "in"), edge("input", "b", "in")));
        GraphBlock block = GraphCompiler.compile(g);
        assertEquals(List.of("a.out", "b.out"), block.outputPorts());
        assertEquals(2, block.getOutputShapes(new ai.djl.ndarray.types.Shape[] {new ai.djl.ndarray.types.Shape(4, 2)})
                .length);
    }

    @Test
    void refusesAnEmptyGraph() {
        assertThrows(GraphCompileException.class, () -> GraphCompiler.compile(Graph.empty()));
    }
}
