package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.export.OnnxHarness;
import org.netwright.runner.export.onnx.OnnxWriter;

/**
 * Every catalog layer case (the shape-agreement cases, each setting variant included) exported to ONNX and run in
 * ONNX Runtime gives our block's output within 1e-4, so layers no template uses yet are covered too.
 */
class CatalogOnnxTest {
    static Stream<LayerCase> cases() {
        return CatalogShapesMatchDjlTest.allCases()
                .filter(c -> !LayerCatalog.standard().require(c.type()).isInput())
                .filter(c -> !c.type().startsWith("composite")); // composites are covered by the resnet and GPT templates
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void layerRunsInOnnxRuntimeAsInDjl(LayerCase c) throws Exception {
        LayerSpec spec = LayerCatalog.standard().require(c.type());
        List<String> ports = spec.inputPorts(spec.resolve(c.params()));
        List<Node> nodes = new ArrayList<>(c.inputs());
        List<Edge> edges = new ArrayList<>();
        nodes.add(new Node("layer", c.type(), c.params(), 0, 0));
        for (int i = 0; i < ports.size(); i++) {
            Node in = c.inputs().get(Math.min(i, c.inputs().size() - 1));
            edges.add(Edge.of(in.id(), LayerCatalog.standard().require(in.type()).outputPorts().contains(ports.get(i))
                    ? ports.get(i) : "out", "layer", ports.get(i)));
        }
        Graph graph = Graph.of(nodes, edges);
        byte[] checkpoint = OnnxHarness.seededCheckpoint(graph, 3);
        byte[] model = OnnxWriter.toModel(graph, Checkpoints.read(checkpoint)).toByteArray();
        GraphBlock block = GraphCompiler.compile(graph, null, null);
        List<float[]> inputs = OnnxHarness.inputs(graph, block, 4);
        double diff = OnnxHarness.maxAbsDifference(OnnxHarness.runDjl(graph, checkpoint, inputs),
                OnnxHarness.runOnnx(model, block, inputs));
        System.out.printf("ONNX layer %s: max abs difference %.3g%n", c, diff);
        assertTrue(diff <= 1e-4, c + ": ONNX Runtime differs from DJL by " + diff);
    }
}
