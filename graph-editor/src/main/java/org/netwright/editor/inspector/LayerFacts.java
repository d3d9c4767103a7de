package org.netwright.editor.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netwright.editor.Formats;
import org.netwright.editor.NodePorts;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerParams;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.NodeReport;
import org.netwright.model.shape.Shape;

/**
 * What the inspector says about one node, worked out from the graph and its shapes (no JavaFX).
 * {@code inputs} holds one line per input port, e.g. "Input: 2 from vector_input_1". {@code toDo} is true when the
 * problem is something still to do rather than this layer's error: an input not wired yet, or an earlier layer's
 * problem it waits on (the card shows those dashed amber and grey, not red).
 */
public record LayerFacts(Node node, LayerSpec spec, List<String> inputs, String output, long params, long macs,
                         Optional<String> problem, boolean toDo, Optional<ConvFormula> formula) {

    /** The facts for node {@code id}, or empty when it is not in the graph or its type is unknown. */
    public static Optional<LayerFacts> of(Graph graph, GraphShapes shapes, String id) {
        Optional<Node> found = graph.node(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Node node = found.get();
        Optional<LayerSpec> spec = LayerCatalog.standard().find(node.type());
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        LayerParams params = spec.get().resolve(node.params());
        NodeReport report = shapes.report(id);
        List<String> inputs = new ArrayList<>();
        boolean unwired = false;
        Shape firstInput = null;
        List<String> ports = spec.get().problems(node.params()).isEmpty() ? NodePorts.inputs(node, spec.get()) : List.of();
        for (String port : ports) {
            Optional<Edge> edge = graph.incoming(new PortRef(id, port));
            Shape arriving = edge.map(e -> upstreamShape(shapes, e)).orElse(null);
            if (firstInput == null) {
                firstInput = arriving;
            }
            String from = edge.map(e -> e.from().nodeId()).orElse(null);
            unwired |= from == null;
            // "Input:" for the usual single port; merges name theirs (in1, in2, ...).
            String name = ports.size() == 1 ? "Input" : "Input " + port;
            inputs.add(name + ": " + (from == null ? "not connected"
                    : (arriving == null ? "?" : arriving.toString()) + " from " + from));
        }
        boolean ok = report != null && report.isOk();
        String output = ok ? Formats.outputs(NodePorts.outputs(node, spec.get()), report.outputs()) : "?";
        Optional<ConvFormula> formula = ok ? ConvFormula.of(node.type(), params, firstInput) : Optional.empty();
        // Ports are listed only while the settings are valid: an unwired one then is why shape inference stopped.
        boolean toDo = !ok && report != null && (report.blocked() || unwired);
        return Optional.of(new LayerFacts(node, spec.get(), inputs, output, ok ? report.params() : 0,
                ok ? report.macs() : 0, report == null ? Optional.empty() : report.problem(), toDo, formula));
    }

    private static Shape upstreamShape(GraphShapes shapes, Edge e) {
        NodeReport upstream = shapes.report(e.from().nodeId());
        return upstream == null ? null : upstream.outputs().get(e.from().port());
    }

    public boolean isOk() {
        return problem.isEmpty();
    }
}
