package org.netwright.templates;

import java.util.List;
import java.util.Map;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.data.Communities;
import org.netwright.templates.data.RingsAndTrees;

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

    /** Nodes of the noisy planted partition behind gcn-node and gat-node. */
    static final int NOISY_NODES = 300;
    static final int NOISY_COMMUNITIES = 3;

    /**
     * A planted partition where neither part of the data suffices alone: sparse edges (about 10 per node), a fifth
     * of a node's neighbours from other communities, and features that are the community's one-hot vector under heavy noise.
     */
    private static DataRecipe noisyCommunities() {
        return DataRecipe.generator("communities", Map.of("nodes", NOISY_NODES, "communities", NOISY_COMMUNITIES,
                "p_in", 0.08, "p_out", 0.01, "feature_noise", 1.0));
    }

    /** graph_input -> gcn 16 -> relu -> dropout -> gcn (one score per community), on a noisy planted partition. */
    static Template gcnNode() {
        Graph graph = twoGraphLayers(NOISY_NODES, NOISY_COMMUNITIES, "gcn", Map.of("units", 16),
                "gcn", Map.of("units", NOISY_COMMUNITIES));
        var settings = new TrainingSettings(100, 256, 0.01, "adam", "cross_entropy", 42, 0.2, 0.2, noisyCommunities());
        return new Template(TemplateLibrary.GCN_NODE, "Node classification with GCN",
                "Finds the community of each node of a " + NOISY_NODES + "-node graph from noisy node features and "
                        + "noisy edges together, with two GCN layers.", graph, settings);
    }

    /** graph_input -> gat 4 heads of 8 -> relu -> dropout -> gat (one head, one score per community). */
    static Template gatNode() {
        Graph graph = twoGraphLayers(NOISY_NODES, NOISY_COMMUNITIES, "gat", Map.of("units", 8, "heads", 4),
                "gat", Map.of("units", NOISY_COMMUNITIES, "heads", 1, "combine", "mean"));
        var settings = new TrainingSettings(100, 256, 0.01, "adam", "cross_entropy", 42, 0.2, 0.2, noisyCommunities());
        return new Template(TemplateLibrary.GAT_NODE, "Node classification with graph attention",
                "Finds the community of each node of a " + NOISY_NODES + "-node graph from noisy node features and "
                        + "noisy edges together; each GAT layer learns how much to listen to each neighbour.",
                graph, settings);
    }

    /** Two graph layers with relu and dropout between them, laid out like {@link #communitiesGcn()}. */
    private static Graph twoGraphLayers(int nodes, int features, String first, Map<String, Object> firstParams,
                                        String second, Map<String, Object> secondParams) {
        double x = GraphBuilder.LEFT;
        return Graph.of(List.of(
                        new Node("input", "graph_input", Map.of("nodes", nodes, "features", features), x, BUS_Y),
                        new Node(first + "_1", first, firstParams, x + STEP_X, LAYER_Y),
                        new Node("relu_1", "relu", Map.of(), x + 2 * STEP_X, CHAIN_Y),
                        new Node("dropout_1", "dropout", Map.of("rate", 0.5), x + 3 * STEP_X, CHAIN_Y),
                        new Node(second + "_2", second, secondParams, x + 4 * STEP_X, BUS_Y)),
                List.of(Edge.of("input", "features", first + "_1", "features"),
                        Edge.of("input", "adjacency", first + "_1", "adjacency"),
                        Edge.of(first + "_1", "out", "relu_1", "in"),
                        Edge.of("relu_1", "out", "dropout_1", "in"),
                        Edge.of("dropout_1", "out", second + "_2", "features"),
                        Edge.of("input", "adjacency", second + "_2", "adjacency")));
    }

    /**
     * graph_input (with node mask) -> message passing 32 -> message passing 32 -> masked mean readout -> dense 32
     * -> relu -> dense 2, on rings and trees of 8 to 20 nodes batched together. Message passing sums its
     * neighbours' messages, so on constant node features its first layer sees each node's degree.
     */
    static Template graphClassify() {
        int n = RingsAndTrees.DEFAULT_MAX_NODES;
        double x = GraphBuilder.LEFT;
        Graph graph = Graph.of(List.of(
                        new Node("input", "graph_input", Map.of("nodes", n, "features", 1, "mask", true), x, BUS_Y),
                        new Node("message_1", "message_passing", Map.of("units", 32, "aggregation", "sum"),
                                x + STEP_X, LAYER_Y),
                        new Node("message_2", "message_passing", Map.of("units", 32, "aggregation", "sum"),
                                x + 2 * STEP_X, LAYER_Y),
                        new Node("readout", "graph_readout", Map.of("mode", "mean", "masked", true), x + 3 * STEP_X, BUS_Y),
                        new Node("dense_1", "dense", Map.of("units", 32), x + 4 * STEP_X, BUS_Y),
                        new Node("relu_1", "relu", Map.of(), x + 5 * STEP_X, BUS_Y),
                        new Node("dense_2", "dense", Map.of("units", 2), x + 6 * STEP_X, BUS_Y)),
                List.of(Edge.of("input", "features", "message_1", "features"),
                        Edge.of("input", "adjacency", "message_1", "adjacency"),
                        Edge.of("message_1", "out", "message_2", "features"),
                        Edge.of("input", "adjacency", "message_2", "adjacency"),
                        Edge.of("message_2", "out", "readout", "features"),
                        Edge.of("input", "mask", "readout", "mask"),
                        Edge.of("readout", "out", "dense_1", "in"),
                        Edge.of("dense_1", "out", "relu_1", "in"),
                        Edge.of("relu_1", "out", "dense_2", "in")));
        var settings = new TrainingSettings(40, 32, 0.01, "adam", "cross_entropy", 42, 0.2, 0.2,
                DataRecipe.generator("rings_and_trees", Map.of("graphs", RingsAndTrees.DEFAULT_GRAPHS,
                        "min_nodes", RingsAndTrees.DEFAULT_MIN_NODES, "max_nodes", n)));
        return new Template(TemplateLibrary.GNN_GRAPH_CLASSIFY, "Graph classification: rings or trees",
                "Tells rings from trees among " + RingsAndTrees.DEFAULT_GRAPHS + " graphs of "
                        + RingsAndTrees.DEFAULT_MIN_NODES + " to " + n + " nodes, batched with padding; a masked readout "
                        + "pools each graph's real nodes into one vector.", graph, settings);
    }
}
