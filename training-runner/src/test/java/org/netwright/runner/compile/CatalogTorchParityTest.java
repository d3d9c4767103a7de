package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.runner.export.TorchParity;

/**
 * Every catalog case of the family tests (each layer type with its parameter variants) exported as PyTorch source:
 * Debian's torch gives our block's first output within 1e-4 with our parameter count, so layers no template uses
 * (GRU and RNN stacks, bidirectional layers, group norm, PReLU, upsampling, split, attention masks...) are checked too.
 */
class CatalogTorchParityTest {
    @TempDir
    Path tmp;

    @Test
    void everyCatalogCaseAgreesWithOurBlock() {
        Map<String, Graph> graphs = new LinkedHashMap<>();
        List<LayerCase> cases = Stream.of(CatalogShapesMatchDjlTest.cases(), ActivationFamilyTest.cases(),
                AttentionLayersTest.cases(), ConvolutionFamilyTest.cases(), CoreFamilyTest.cases(),
                GenerativeOpsTest.cases(), GraphOpsTest.cases(), MergeFamilyTest.cases(), RecurrentLayersTest.cases())
                .flatMap(s -> s).toList();
        for (LayerCase c : cases) {
            LayerSpec spec = LayerCatalog.standard().require(c.type());
            if (spec.isInput()) {
                continue;
            }
            graphs.put(graphs.size() + "-" + c.type(), graph(c, spec));
        }
        List<String> failures = new ArrayList<>(TorchParity.failures(graphs, 2, 1e-4, tmp));
        assertTrue(failures.isEmpty(), failures.size() + " of " + graphs.size() + " cases fail:\n"
                + String.join("\n", failures));
    }

    /** The case as ShapeAgreement wires it: the layer fed by its input nodes, port by port. */
    private static Graph graph(LayerCase c, LayerSpec spec) {
        List<String> ports = spec.inputPorts(spec.resolve(c.params()));
        List<Node> nodes = new ArrayList<>(c.inputs());
        List<Edge> edges = new ArrayList<>();
        nodes.add(new Node("layer", c.type(), c.params(), 0, 0));
        for (int i = 0; i < ports.size(); i++) {
            Node in = c.inputs().get(Math.min(i, c.inputs().size() - 1));
            edges.add(Edge.of(in.id(), LayerCatalog.standard().require(in.type()).outputPorts().contains(ports.get(i))
                    ? ports.get(i) : "out", "layer", ports.get(i)));
        }
        return Graph.of(nodes, edges);
    }
}
