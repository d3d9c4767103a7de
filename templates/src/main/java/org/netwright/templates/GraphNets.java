package org.netwright.templates;

import java.util.List;
import java.util.Map;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.data.Communities;

/**
 * Graph neural network templates. Their canvas is laid out by hand rather than by {@link GraphBuilder}'s
 * chain: every graph layer takes the adjacency as well, so the graph input's adjacency port feeds a bus
 * along the bottom, while the node features climb into a lane above it and come back down into the last
 * layer. No edge then crosses a node card (the editor draws edges with horizontal tangents).
 */
final class GraphNets {
    /** The bottom lane: the graph input and the output layer, joined by the adjacency bus. */
    private static final double BUS_Y = 340;
    /** The upper lane's first graph layer; its output port sits 89 px below its top (a card with two input rows). */
    private static final double LAYER_Y = 200;
    /** One-port cards (activation, dropout) have their port 24 px below their top: level with the layer's output. */
    private static final double CHAIN_Y = LAYER_Y + 89 - 24;
    /** Wider than the chain templates' step, so the edges that change lanes have room to bend. */
    private static final double STEP_X = 240;

    private GraphNets() {
    }

    /** graph_input -> gcn 16 -> relu -> dropout -> gcn (one score per community), on the communities generator. */
    static Template communitiesGcn() {
        int n = Communities.DEFAULT_NODES;
        int classes = Communities.DEFAULT_COMMUNITIES;
        double x = GraphBuilder.LEFT;
        Graph graph = Graph.of(List.of(
                        new Node("input", "graph_input", Map.of("nodes", n, "features", n), x, BUS_Y),
                        new Node("gcn_1", "gcn", Map.of("units", 16), x + STEP_X, LAYER_Y),
                        new Node("relu_1", "relu", Map.of(), x + 2 * STEP_X, CHAIN_Y),
                        new Node("dropout_1", "dropout", Map.of("rate", 0.5), x + 3 * STEP_X, CHAIN_Y),
                        new Node("gcn_2", "gcn", Map.of("units", classes), x + 4 * STEP_X, BUS_Y)),
                List.of(Edge.of("input", "features", "gcn_1", "features"),
                        Edge.of("input", "adjacency", "gcn_1", "adjacency"),
                        Edge.of("gcn_1", "out", "relu_1", "in"),
                        Edge.of("relu_1", "out", "dropout_1", "in"),
                        Edge.of("dropout_1", "out", "gcn_2", "features"),
                        Edge.of("input", "adjacency", "gcn_2", "adjacency")));
        // Batch 128 covers every training node, so each epoch is one full-graph step, as in Kipf and Welling.
        var settings = new TrainingSettings(100, 128, 0.01, "adam", "cross_entropy", 42, 0.2, 0.2,
                DataRecipe.generator("communities", Map.of("nodes", n, "communities", classes,
                        "p_in", Communities.DEFAULT_P_IN, "p_out", Communities.DEFAULT_P_OUT)));
        return new Template(TemplateLibrary.COMMUNITIES_GCN, "Communities: a graph network",
                "Finds the community of each node of a " + n + "-node graph from its edges alone, with two GCN layers.",
                graph, settings);
    }
}
