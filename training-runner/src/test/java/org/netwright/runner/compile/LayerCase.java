package org.netwright.runner.compile;

import java.util.List;
import java.util.Map;
import org.netwright.model.graph.Node;

/**
 * One layer under test: its type and parameters, and the input nodes (type + params) that feed its
 * input ports in port order. Input nodes stand in for whatever produces such shapes in a real graph.
 */
record LayerCase(String type, Map<String, Object> params, List<Node> inputs) {

    /** A vector input of {@code features}. */
    static Node vector(int features) {
        return new Node("in_v" + features, "vector_input", Map.of("features", features), 0, 0);
    }

    /** An image input C×H×W. */
    static Node image(int c, int h, int w) {
        return new Node("in_i" + c + "x" + h + "x" + w, "image_input", Map.of("channels", c, "height", h, "width", w), 0, 0);
    }

    /** Any input layer type with its parameters, e.g. a sequence or token input. */
    static Node input(String id, String type, Map<String, Object> params) {
        return new Node(id, type, params, 0, 0);
    }

    @Override
    public String toString() {
        return type + " " + params + " on " + inputs.stream().map(Node::type).toList();
    }
}
