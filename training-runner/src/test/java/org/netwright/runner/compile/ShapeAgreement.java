package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;

/**
 * Checks that our shape inference and the compiled DJL block agree on a layer: the shape of every
 * output port and the parameter count. Used by each family's shape test.
 */
final class ShapeAgreement {
    /**
     * Makes the array fed to one input port, by "input_type.port" (e.g. "token_input.out"): random
     * floats in [0, 1) when no entry is given. Families whose inputs need other values add them here.
     */
    static final Map<String, BiFunction<NDManager, long[], NDArray>> FEEDERS = new LinkedHashMap<>();

    static {
        // Ids are whole numbers carried as floats; 2 is the smallest vocabulary or class count allowed.
        FEEDERS.put("token_input.out", (m, s) -> m.randomInteger(0, 2, new ai.djl.ndarray.types.Shape(s),
                DataType.INT32).toType(DataType.FLOAT32, false));
        FEEDERS.put("label_input.out", (m, s) -> m.randomInteger(0, 2, new ai.djl.ndarray.types.Shape(s),
                DataType.INT32).toType(DataType.FLOAT32, false));
    }

    static {
        // A graph's adjacency: random, symmetric, 0/1.
        FEEDERS.put("graph_input.adjacency", (m, s) -> {
            NDArray r = m.randomUniform(0, 1, new ai.djl.ndarray.types.Shape(s));
            return r.add(r.transpose(0, 2, 1)).gt(1f).toType(DataType.FLOAT32, false);
        });
    }

    private ShapeAgreement() {
    }

    static void check(LayerCase c) {
        LayerSpec spec = LayerCatalog.standard().require(c.type());
        List<String> ports = spec.inputPorts(spec.resolve(c.params()));
        List<Node> nodes = new ArrayList<>(c.inputs());
        List<Edge> edges = new ArrayList<>();
        String layer = "layer";
        nodes.add(new Node(layer, c.type(), c.params(), 0, 0));
        for (int i = 0; i < ports.size(); i++) {
            Node in = c.inputs().get(Math.min(i, c.inputs().size() - 1));
            edges.add(Edge.of(in.id(), LayerCatalog.standard().require(in.type()).outputPorts().contains(ports.get(i)) ? ports.get(i) : "out", layer, ports.get(i)));
        }
        // Each output port in turn is the network's output, through one view per port.
        Graph graph = Graph.of(nodes, edges);
        GraphShapes inferred = ShapeInference.infer(graph);
        assertTrue(inferred.isValid(), inferred.problems().toString());
        for (String port : spec.outputPorts(spec.resolve(c.params()))) {
            Shape expected = inferred.report(layer).outputs().get(port);
            GraphBlock block = GraphCompiler.compile(graph, false, layer + "." + port);
            try (NDManager manager = NDManager.newBaseManager()) {
                int batch = 2;
                List<ai.djl.ndarray.types.Shape> djlInputs = new ArrayList<>();
                NDList inputs = new NDList();
                for (String feed : block.inputPorts()) {
                    long[] s = block.portShape(feed).withBatch(batch);
                    djlInputs.add(new ai.djl.ndarray.types.Shape(s));
                    String node = feed.substring(0, feed.indexOf('.'));
                    String key = graph.require(node).type() + feed.substring(feed.indexOf('.'));
                    inputs.add(FEEDERS.getOrDefault(key, (m, shape) -> m.randomUniform(0, 1, new ai.djl.ndarray.types.Shape(shape)))
                            .apply(manager, s));
                }
                block.initialize(manager, DataType.FLOAT32, djlInputs.toArray(ai.djl.ndarray.types.Shape[]::new));
                NDList out = block.forward(new ParameterStore(manager, false), inputs, false);
                assertArrayEquals(expected.withBatch(batch), out.singletonOrThrow().getShape().getShape(),
                        c + " port " + port);
                // Running statistics (batch norm) are buffers in PyTorch, not parameters, so they are not counted.
                long djlParams = block.getParameters().values().stream()
                        .filter(p -> p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR)
                        .mapToLong(p -> p.getArray().getShape().size()).sum();
                assertEquals(inferred.totalParams(), djlParams, c + ": parameter count");
            }
        }
    }
}
