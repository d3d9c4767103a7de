package org.netwright.templates;

import java.util.LinkedHashMap;
import java.util.Map;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Lays out a chain of layers left to right, numbering ids per type ({@code dense_1}, {@code relu_2}). */
final class GraphBuilder {
    static final double STEP_X = 200;
    static final double ROW_Y = 200;

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private Graph graph = Graph.empty();
    private String last;

    /** Starts the chain with an input node called {@code input}. */
    GraphBuilder input(String type, Map<String, Object> params) {
        graph = graph.withNode(new Node("input", type, params, 40, ROW_Y));
        last = "input";
        return this;
    }

    /** Appends a layer fed by the previous one, one step to the right. */
    GraphBuilder then(String type, Map<String, Object> params) {
        int n = counts.merge(type, 1, Integer::sum);
        String id = type + "_" + n;
        double x = graph.require(last).x() + STEP_X;
        graph = graph.withNode(new Node(id, type, params, x, ROW_Y)).connect(Edge.of(last, "out", id, "in"));
        last = id;
        return this;
    }

    GraphBuilder then(String type) {
        return then(type, Map.of());
    }

    Graph build() {
        return graph;
    }
}
