package org.netwright.model.shape;

import java.util.Map;
import java.util.Optional;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.PortRef;

/**
 * What arrives at one input port during shape inference: the shape, or the report that stops the
 * node (the port is not connected, the node feeding it has a problem, or that node lacks the port).
 */
record Arrival(Shape shape, NodeReport stop) {

    /** Looks up the edge into {@code who.port} and the shape its source gave, in {@code done}. */
    static Arrival at(Graph graph, String who, String label, String port, Map<String, NodeReport> done) {
        Optional<Edge> edge = graph.incoming(new PortRef(who, port));
        if (edge.isEmpty()) {
            return new Arrival(null, NodeReport.problem(who, label + ": input '" + port + "' is not connected"));
        }
        PortRef from = edge.get().from();
        NodeReport upstream = done.get(from.nodeId());
        if (!upstream.isOk()) {
            return new Arrival(null, NodeReport.blocked(who, label + ": waiting for a valid input from " + from.nodeId()));
        }
        Shape shape = upstream.outputs().get(from.port());
        if (shape == null) {
            return new Arrival(null, NodeReport.problem(who, label + ": " + from.nodeId() + " has no output port '"
                    + from.port() + "'"));
        }
        return new Arrival(shape, null);
    }
}
