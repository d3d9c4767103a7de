package org.netwright.editor.canvas;

import java.util.ArrayList;
import java.util.List;
import org.netwright.editor.NodePorts;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;
import org.netwright.model.shape.NodeReport;

/**
 * How a card should look, from the node's shape-inference report. An input that is simply not
 * wired yet is told apart from a real error, so a freshly dropped layer is not shown in red.
 */
record NodeStatus(Kind kind, String text) {
    /** The card states, from fine to broken. */
    enum Kind {
        OK, NEEDS_INPUT, BLOCKED, ERROR
    }

    static NodeStatus of(Graph graph, Node node, LayerSpec spec, NodeReport report) {
        if (spec == null) {
            return new NodeStatus(Kind.ERROR, "Unknown layer type '" + node.type() + "'.");
        }
        if (report == null || report.isOk()) {
            return new NodeStatus(Kind.OK, "");
        }
        String problem = report.problem().orElse("");
        if (report.blocked()) {
            return new NodeStatus(Kind.BLOCKED, problem);
        }
        // Parameter errors are checked first by shape inference too; they are real errors.
        if (spec.problems(node.params()).isEmpty()) {
            List<String> free = new ArrayList<>();
            for (String port : NodePorts.inputs(node, spec)) {
                if (graph.incoming(new PortRef(node.id(), port)).isEmpty()) {
                    free.add(port);
                }
            }
            if (!free.isEmpty()) {
                String which = free.size() == 1 ? "input '" + free.get(0) + "'" : "inputs " + String.join(", ", free);
                return new NodeStatus(Kind.NEEDS_INPUT, "Connect " + which + " to an output on the left.");
            }
        }
        return new NodeStatus(Kind.ERROR, Diagnostics.forCard(node.id(), spec, problem));
    }
}
