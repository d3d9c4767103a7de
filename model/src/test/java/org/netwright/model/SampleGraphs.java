package org.netwright.model;

import java.util.List;
import java.util.Map;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Small graphs the model tests share: a LeNet-like CNN for 3×32×32 images and a two-layer MLP. */
public final class SampleGraphs {
    private SampleGraphs() {
    }

    public static Node node(String id, String type, Map<String, Object> params) {
        return new Node(id, type, params, 0, 0);
    }

    /** input 3×32×32 → conv 16@5×5 pad 2 → relu → pool → conv 32@5×5 valid → relu → pool → flatten → dense 120 → relu → dense 10. */
    public static Graph lenet() {
        List<Node> nodes = List.of(
                node("input", "image_input", Map.of("channels", 3, "height", 32, "width", 32)),
                node("conv1", "conv2d", Map.of("filters", 16, "kernel", 5, "stride", 1, "padding", "explicit", "pad", 2)),
                node("relu1", "relu", Map.of()),
                node("pool1", "max_pool2d", Map.of("kernel", 2, "stride", 2)),
                node("conv2", "conv2d", Map.of("filters", 32, "kernel", 5, "padding", "valid")),
                node("relu2", "relu", Map.of()),
                node("pool2", "max_pool2d", Map.of("kernel", 2, "stride", 2)),
                node("flatten", "flatten", Map.of()),
                node("fc1", "dense", Map.of("units", 120)),
                node("relu3", "relu", Map.of()),
                node("fc2", "dense", Map.of("units", 10)));
        return Graph.of(nodes, chain(nodes));
    }

    /** vector 2 → dense 16 → tanh → dense 2. */
    public static Graph mlp() {
        List<Node> nodes = List.of(
                node("input", "vector_input", Map.of("features", 2)),
                node("hidden", "dense", Map.of("units", 16)),
                node("act", "tanh", Map.of()),
                node("out", "dense", Map.of("units", 2)));
        return Graph.of(nodes, chain(nodes));
    }

    private static List<Edge> chain(List<Node> nodes) {
        return java.util.stream.IntStream.range(1, nodes.size())
                .mapToObj(i -> Edge.of(nodes.get(i - 1).id(), "out", nodes.get(i).id(), "in"))
                .toList();
    }
}
