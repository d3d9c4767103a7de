package org.netwright.model.shape;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;

/**
 * Shape inference through composite blocks: a composite's body is inferred with its input placeholders
 * bound to the shapes arriving at the composite, its outputs are what reaches its output placeholders, and
 * its parameters and MACs are the body's totals. A problem inside is reported on the composite with the
 * inner node's id: "block1 › conv_2 (Conv2d) expects …".
 */
final class CompositeInference {
    private CompositeInference() {
    }

    /** Whether this node is one the composite rules decide (a placeholder outside a body always is: it is misplaced). */
    static boolean handles(Node node, boolean insideBody) {
        return CompositePorts.isComposite(node) || CompositePorts.INPUT.equals(node.type())
                || (!insideBody && CompositePorts.OUTPUT.equals(node.type()));
    }

    /**
     * @param bound shapes of the input placeholders of the body being inferred, by node id; null at the top level
     */
    static NodeReport infer(LayerCatalog catalog, Graph graph, Node node, Map<String, NodeReport> done,
                            Map<String, Shape> bound) {
        String who = node.id();
        Optional<LayerSpec> spec = catalog.find(node.type());
        if (spec.isEmpty()) {
            return NodeReport.problem(who, who + ": unknown layer type '" + node.type() + "'");
        }
        String label = who + " (" + spec.get().name() + ")";
        List<String> paramProblems = spec.get().problems(node.params());
        if (!paramProblems.isEmpty()) {
            return NodeReport.problem(who, label + ": " + String.join(" ", paramProblems));
        }
        if (CompositePorts.INPUT.equals(node.type())) {
            Shape shape = bound == null ? null : bound.get(who);
            return shape == null
                    ? NodeReport.problem(who, label + " stands for an input port of a composite block and works only "
                            + "inside one; group it with the layers it feeds")
                    : NodeReport.ok(who, Map.of("out", shape), 0, 0);
        }
        if (CompositePorts.OUTPUT.equals(node.type())) {
            return NodeReport.problem(who, label + " stands for an output port of a composite block and works only "
                    + "inside one; group it with the layers that feed it");
        }
        return composite(catalog, graph, node, done);
    }

    private static NodeReport composite(LayerCatalog catalog, Graph graph, Node node, Map<String, NodeReport> done) {
        String who = node.id();
        String label = who + " (" + node.params().getOrDefault("name", "composite") + ")";
        Graph body = node.body();
        if (body == null || body.isEmpty()) {
            return NodeReport.problem(who, label + ": has no layers inside; select layers and group them to make a block");
        }
        List<Node> inputs = CompositePorts.inputNodes(body);
        List<Node> outputs = CompositePorts.outputNodes(body);
        if (outputs.isEmpty()) {
            return NodeReport.problem(who, label + ": exposes no output; connect a composite output inside it");
        }
        Optional<String> duplicate = duplicatePort(inputs).or(() -> duplicatePort(outputs));
        if (duplicate.isPresent()) {
            return NodeReport.problem(who, label + ": two of its ports are named '" + duplicate.get() + "'");
        }
        List<String> inputPorts = CompositePorts.inputs(node);
        for (Edge e : graph.incomingEdges(who)) {
            if (!inputPorts.contains(e.to().port())) {
                return NodeReport.problem(who, label + ": has no input port '" + e.to().port() + "' (edge from "
                        + e.from() + ")");
            }
        }
        Map<String, Shape> bound = new LinkedHashMap<>();
        for (Node placeholder : inputs) {
            Arrival arrival = Arrival.at(graph, who, label, CompositePorts.portOf(placeholder), done);
            if (arrival.stop() != null) {
                return arrival.stop();
            }
            bound.put(placeholder.id(), arrival.shape());
        }
        GraphShapes inner = new ShapeInference(catalog, bound).run(body);
        List<String> problems = inner.problems();
        if (!problems.isEmpty()) {
            return NodeReport.problem(who, who + " › " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more inside)" : ""));
        }
        Map<String, Shape> byPort = new LinkedHashMap<>();
        for (Node placeholder : outputs) {
            PortRef from = body.incoming(new PortRef(placeholder.id(), "in")).orElseThrow().from();
            byPort.put(CompositePorts.portOf(placeholder), inner.report(from.nodeId()).outputs().get(from.port()));
        }
        return NodeReport.ok(who, byPort, inner.totalParams(), inner.totalMacs());
    }

    private static Optional<String> duplicatePort(List<Node> placeholders) {
        Set<String> seen = new HashSet<>();
        for (Node n : placeholders) {
            if (!seen.add(CompositePorts.portOf(n))) {
                return Optional.of(CompositePorts.portOf(n));
            }
        }
        return Optional.empty();
    }
}
