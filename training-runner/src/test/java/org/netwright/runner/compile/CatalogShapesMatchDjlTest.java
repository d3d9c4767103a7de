package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netwright.runner.compile.Graphs.edge;
import static org.netwright.runner.compile.Graphs.node;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;

/** Our shape inference and DJL must agree on every catalog layer, or the editor would show shapes the runner does not make. */
class CatalogShapesMatchDjlTest {
    private static final Map<String, Object> IMAGE_3x9x11 = Map.of("channels", 3, "height", 9, "width", 11);

    /** A layer type, its parameters and the shapes fed to its input ports. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("image_input", IMAGE_3x9x11, List.of()),
                Arguments.of("vector_input", Map.of("features", 7), List.of()),
                Arguments.of("dense", Map.of("units", 5), List.of(Shape.of(7))),
                Arguments.of("dense", Map.of("units", 5, "bias", false), List.of(Shape.of(7))),
                Arguments.of("flatten", Map.of(), List.of(Shape.of(3, 9, 11))),
                Arguments.of("dropout", Map.of("rate", 0.3), List.of(Shape.of(7))),
                Arguments.of("relu", Map.of(), List.of(Shape.of(3, 9, 11))),
                Arguments.of("sigmoid", Map.of(), List.of(Shape.of(7))),
                Arguments.of("tanh", Map.of(), List.of(Shape.of(7))),
                Arguments.of("softmax", Map.of(), List.of(Shape.of(7))),
                Arguments.of("conv2d", Map.of("filters", 4, "kernel", 3, "padding", "same"), List.of(Shape.of(3, 9, 11))),
                Arguments.of("conv2d", Map.of("filters", 4, "kernel", 3, "padding", "valid"), List.of(Shape.of(3, 9, 11))),
                Arguments.of("conv2d", Map.of("filters", 4, "kernel", 5, "padding", "explicit", "pad", 1, "stride", 2),
                        List.of(Shape.of(3, 9, 11))),
                Arguments.of("conv2d", Map.of("filters", 2, "kernel", 3, "padding", "same", "dilation", 2, "bias", false),
                        List.of(Shape.of(3, 9, 11))),
                Arguments.of("conv2d", Map.of("filters", 2, "kernel", 3, "padding", "same", "stride", 2),
                        List.of(Shape.of(3, 9, 11))),
                Arguments.of("max_pool2d", Map.of(), List.of(Shape.of(3, 9, 11))),
                Arguments.of("max_pool2d", Map.of("kernel", 3, "stride", 2, "pad", 1), List.of(Shape.of(3, 9, 11))),
                Arguments.of("add", Map.of("inputs", 3), List.of(Shape.of(7), Shape.of(7), Shape.of(7))),
                Arguments.of("concatenate", Map.of("inputs", 2, "axis", 0), List.of(Shape.of(2, 9, 11), Shape.of(3, 9, 11))),
                Arguments.of("concatenate", Map.of("inputs", 2, "axis", -1), List.of(Shape.of(3, 9, 4), Shape.of(3, 9, 11))),
                Arguments.of("concatenate", Map.of("inputs", 2, "axis", 1), List.of(Shape.of(3, 2, 11), Shape.of(3, 9, 11))));
    }

    @Test
    void everyCatalogLayerHasACase() {
        Set<String> covered = new HashSet<>();
        cases().forEach(a -> covered.add((String) a.get()[0]));
        Set<String> all = new HashSet<>();
        LayerCatalog.standard().all().forEach(s -> all.add(s.id()));
        assertEquals(all, covered);
    }

    @ParameterizedTest(name = "{0} {1} on {2}")
    @MethodSource("cases")
    void inferredShapeAndParamsEqualDjls(String type, Map<String, Object> params, List<Shape> inputShapes) {
        LayerSpec spec = LayerCatalog.standard().require(type);
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        String layer = "layer";
        nodes.add(node(layer, type, params));
        List<String> ports = spec.inputPorts(spec.resolve(params));
        for (int i = 0; i < inputShapes.size(); i++) {
            String in = "input_" + i;
            Shape s = inputShapes.get(i);
            nodes.add(s.rank() == 1 ? node(in, "vector_input", Map.of("features", s.dim(0)))
                    : node(in, "image_input", Map.of("channels", s.dim(0), "height", s.dim(1), "width", s.dim(2))));
            edges.add(edge(in, layer, ports.get(i)));
        }
        Graph graph = Graph.of(nodes, edges);
        GraphShapes inferred = ShapeInference.infer(graph);
        assertTrue(inferred.isValid(), inferred.problems().toString());
        Shape expected = inferred.report(layer).outputs().get("out");

        GraphBlock block = GraphCompiler.compile(graph);
        try (NDManager manager = NDManager.newBaseManager()) {
            int batch = 2;
            List<ai.djl.ndarray.types.Shape> djlInputs = new ArrayList<>();
            NDList inputs = new NDList();
            for (String id : block.inputIds()) {
                ai.djl.ndarray.types.Shape s = new ai.djl.ndarray.types.Shape(block.outputShape(id).withBatch(batch));
                djlInputs.add(s);
                inputs.add(manager.randomUniform(0, 1, s));
            }
            block.initialize(manager, DataType.FLOAT32, djlInputs.toArray(ai.djl.ndarray.types.Shape[]::new));
            NDList out = block.forward(new ParameterStore(manager, false), inputs, false);
            assertArrayEquals(expected.withBatch(batch), out.singletonOrThrow().getShape().getShape());
            long djlParams = block.getParameters().values().stream()
                    .mapToLong(p -> p.getArray().getShape().size()).sum();
            assertEquals(inferred.totalParams(), djlParams, "parameter count");
        }
    }

    @Test
    void parametersAreNamedAfterOurNodeIds() {
        GraphBlock block = GraphCompiler.compile(Graphs.residual());
        assertEquals(List.of("a", "b", "out"), List.copyOf(block.weightedNodes().keySet()));
        List<String> names = block.weightedNodes().get("a").getParameters().values().stream()
                .map(Parameter::getName).toList();
        assertEquals(List.of("weight", "bias"), names);
    }
}
