package org.netwright.runner.compile;

import java.util.List;
import java.util.Map;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Small graphs for compiler tests. */
final class Graphs {
    private Graphs() {
    }

    static Node node(String id, String type, Map<String, Object> params) {
        return new Node(id, type, params, 0, 0);
    }

    static Edge edge(String from, String to, String port) {
        return Edge.of(from, "out", to, port);
    }

    /** input(vector 4) -> dense a(8) -> relu; input -> dense b(8); relu + b -> add -> dense out(3). */
    static Graph residual() {
        return Graph.of(List.of(
                        node("input", "vector_input", Map.of("features", 4)),
                        node("a", "dense", Map.of("units", 8)),
                        node("act", "relu", Map.of()),
                        node("b", "dense", Map.of("units", 8)),
                        node("sum", "add", Map.of("inputs", 2)),
                        node("out", "dense", Map.of("units", 3))),
                List.of(edge("input", "a", "in"), edge("a", "act", "in"), edge("input", "b", "in"),
                        edge("act", "sum", "in1"), edge("b", "sum", "in2"), edge("sum", "out", "in")));
    }

    /** image 1×8×8 -> conv 4 (same) and conv 6 (valid, pad 1) -> concatenate on channels -> flatten -> dense 2. */
    static Graph inception() {
        return Graph.of(List.of(
                        node("input", "image_input", Map.of("channels", 1, "height", 8, "width", 8)),
                        node("c1", "conv2d", Map.of("filters", 4, "kernel", 3, "padding", "same")),
                        node("c2", "conv2d", Map.of("filters", 6, "kernel", 3, "padding", "explicit", "pad", 1)),
                        node("cat", "concatenate", Map.of("inputs", 2, "axis", 0)),
                        node("flat", "flatten", Map.of()),
                        node("out", "dense", Map.of("units", 2))),
                List.of(edge("input", "c1", "in"), edge("input", "c2", "in"), edge("c1", "cat", "in1"),
                        edge("c2", "cat", "in2"), edge("cat", "flat", "in"), edge("flat", "out", "in")));
    }
}
