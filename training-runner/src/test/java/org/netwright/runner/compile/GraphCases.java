package org.netwright.runner.compile;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.netwright.model.graph.Node;

/** Shape-agreement cases of the graph layers: a graph input of 5 nodes with 3 features feeds both ports. */
final class GraphCases {
    private GraphCases() {
    }

    static Node graph(int nodes, int features) {
        return LayerCase.input("in_g" + nodes + "x" + features, "graph_input", Map.of("nodes", nodes, "features", features));
    }

    static Stream<LayerCase> cases() {
        Node g = graph(5, 3);
        return Stream.of(
                new LayerCase("graph_input", Map.of("nodes", 5, "features", 3), List.of()),
                new LayerCase("gcn", Map.of("units", 4), List.of(g)),
                new LayerCase("gcn", Map.of("units", 4, "bias", false, "self_loops", false), List.of(g)),
                new LayerCase("gat", Map.of("units", 4, "heads", 2), List.of(g)),
                new LayerCase("gat", Map.of("units", 4, "heads", 3, "combine", "mean", "bias", false), List.of(g)),
                new LayerCase("message_passing", Map.of("units", 4, "aggregation", "sum"), List.of(g)),
                new LayerCase("message_passing", Map.of("units", 4, "aggregation", "mean", "bias", false), List.of(g)),
                new LayerCase("message_passing", Map.of("units", 4, "aggregation", "max", "activation", "none"), List.of(g)),
                new LayerCase("graph_readout", Map.of("mode", "sum"), List.of(g)),
                new LayerCase("graph_readout", Map.of("mode", "mean"), List.of(g)),
                new LayerCase("graph_readout", Map.of("mode", "max"), List.of(g)),
                new LayerCase("graph_input", Map.of("nodes", 5, "features", 3, "mask", true), List.of()));
    }
}
