package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.netwright.model.command.GroupNodes;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.ShapeInference;

/** The runner sees through composite blocks: it runs their layers under path ids, counts and trains them like the flat graph. */
class CompositeBlocksTest {
    private static Node node(String id, String type, Map<String, Object> params) {
        return new Node(id, type, params, 0, 0);
    }

    /** input(6) → dense a(6) → relu → dense b(6) → add(b, input) → relu → dense out(3). */
    static Graph flat() {
        return Graph.of(List.of(node("input", "vector_input", Map.of("features", 6)),
                        node("a", "dense", Map.of("units", 6)), node("act", "relu", Map.of()),
                        node("b", "dense", Map.of("units", 6)), node("sum", "add", Map.of("inputs", 2)),
                        node("act2", "relu", Map.of()), node("out", "dense", Map.of("units", 3))),
                List.of(Edge.of("input", "out", "a", "in"), Edge.of("a", "out", "act", "in"), Edge.of("act", "out", "b", "in"),
                        Edge.of("b", "out", "sum", "in1"), Edge.of("input", "out", "sum", "in2"),
                        Edge.of("sum", "out", "act2", "in"), Edge.of("act2", "out", "out", "in")));
    }

    /** The residual block (a, act, b, sum) grouped into composite block1. */
    static Graph grouped() {
        Graph flat = flat();
        return GroupNodes.of(flat, List.of("a", "act", "b", "sum"), "block1", "residual").apply(flat);
    }

    /**
     * The composite and its two placeholders can only be checked together: each case stands for the grouped
     * residual network, whose composite (with a composite_input and a composite_output inside) is checked below.
     */
    static Stream<LayerCase> cases() {
        return Stream.of("composite", "composite_input", "composite_output")
                .map(type -> new LayerCase(type, Map.of(), List.of(LayerCase.vector(6))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compositeOutputShapeAndParametersEqualDjls(LayerCase c) {
        Graph g = grouped();
        assertTrue(g.nodes().values().stream().anyMatch(n -> n.type().equals("composite")
                && n.body().nodes().values().stream().anyMatch(inner -> inner.type().equals(c.type())))
                || c.type().equals("composite"), c.toString());
        GraphShapes inferred = ShapeInference.infer(g);
        assertTrue(inferred.isValid(), inferred.problems().toString());
        GraphBlock block = GraphCompiler.compile(g, false, "block1.out");
        try (NDManager m = NDManager.newBaseManager()) {
            NDList x = new NDList(m.randomNormal(new Shape(2, 6)));
            block.initialize(m, DataType.FLOAT32, x.getShapes());
            long[] shape = block.forward(new ParameterStore(m, false), x, false).singletonOrThrow().getShape().getShape();
            assertArrayEquals(inferred.report("block1").outputs().get("out").withBatch(2), shape);
            long djl = block.getParameters().values().stream().mapToLong(p -> p.getArray().getShape().size()).sum();
            // The whole network is compiled whatever port is read, so compare whole-network counts.
            assertEquals(inferred.totalParams(), djl);
            assertEquals(84, inferred.report("block1").params());
        }
    }

    private static long parameterCount(Graph g) {
        GraphBlock block = GraphCompiler.compile(g);
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, new Shape(1, 6));
            return block.getParameters().values().stream().mapToLong(p -> p.getArray().getShape().size()).sum();
        }
    }

    @Test
    void aGroupedNetworkHasTheFlatNetworksParameterCount() {
        long flat = parameterCount(flat());
        assertEquals(2 * (6 * 6 + 6) + 6 * 3 + 3, flat);
        assertEquals(flat, parameterCount(grouped()));
        assertEquals(flat, ShapeInference.infer(grouped()).totalParams());
    }

    @Test
    void weightsAreKeyedByTheirPathInsideTheComposite() {
        GraphBlock block = GraphCompiler.compile(grouped());
        assertEquals(List.of("block1/a", "block1/b", "out"), List.copyOf(block.weightedNodes().keySet()));
    }

    @Test
    void aNetworkWithAResidualCompositeTrains() {
        NDList[] x = new NDList[1];
        List<Float> losses = LayerTraining.fit(grouped(), m -> x[0] = new NDList(m.randomNormal(new Shape(32, 6))),
                m -> x[0].get(0).get(":, 0").gt(0).toType(DataType.FLOAT32, false).add(
                        x[0].get(0).get(":, 1").gt(0).toType(DataType.FLOAT32, false)),
                Loss.softmaxCrossEntropyLoss(), 40, 0.03f);
        assertTrue(losses.get(losses.size() - 1) < 0.5f * losses.get(0), losses.get(0) + " -> " + losses.get(losses.size() - 1));
    }
}
