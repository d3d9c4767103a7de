package org.netwright.model;

import java.util.List;
import java.util.Map;
import org.netwright.model.command.GroupNodes;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** A small residual network, flat and with its residual block grouped into a composite. */
public final class ResidualGraphs {
    /** The nodes that form the residual block. */
    public static final List<String> BLOCK = List.of("a", "act", "b", "sum");

    private ResidualGraphs() {
    }

    private static Node node(String id, String type, Map<String, Object> params, double x) {
        return new Node(id, type, params, x, 100);
    }

    /** input(8) → dense a(8) → relu → dense b(8) → add(b, input) → relu → dense out(3). */
    public static Graph flat() {
        return Graph.of(List.of(
                        node("input", "vector_input", Map.of("features", 8), 0),
                        node("a", "dense", Map.of("units", 8), 100),
                        node("act", "relu", Map.of(), 200),
                        node("b", "dense", Map.of("units", 8), 300),
                        node("sum", "add", Map.of("inputs", 2), 400),
                        node("act2", "relu", Map.of(), 500),
                        node("out", "dense", Map.of("units", 3), 600)),
                List.of(Edge.of("input", "out", "a", "in"), Edge.of("a", "out", "act", "in"),
                        Edge.of("act", "out", "b", "in"), Edge.of("b", "out", "sum", "in1"),
                        Edge.of("input", "out", "sum", "in2"), Edge.of("sum", "out", "act2", "in"),
                        Edge.of("act2", "out", "out", "in")));
    }

    /** The same network with a, act, b and sum grouped into composite "block1" named "residual". */
    public static Graph grouped() {
        Graph flat = flat();
        return GroupNodes.of(flat, BLOCK, "block1", "residual").apply(flat);
    }
}
