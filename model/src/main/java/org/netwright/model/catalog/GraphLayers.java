package org.netwright.model.catalog;

import java.util.List;
import java.util.function.Function;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeMismatch;

/**
 * Graph neural network layers. A graph travels as node features N×F on one edge and its adjacency
 * N×N on another; the batch axis counts graphs (each padded to N nodes).
 */
final class GraphLayers {
    private static final List<String> GRAPH_PORTS = List.of("features", "adjacency");
    /** The graph input's optional port (and the masked readout's input) marking real nodes 1 and padding 0. */
    static final String MASK = "mask";

    private GraphLayers() {
    }

    static List<LayerSpec> all() {
        IntParam units = new IntParam("units", "Units", 16, 1, 100_000, "Features per node after the layer.");
        BoolParam bias = new BoolParam("bias", "Bias", true, "Add a learned offset to every output feature.");
        return List.of(
                new LayerSpec("graph_input", "Graph input", LayerFamily.INPUT,
                        "Feeds a graph as two arrays: node features N×F (one row per node) and the adjacency N×N "
                                + "(1 where an edge joins two nodes, symmetric for undirected graphs). Graph layers take both; "
                                + "e.g. 34 nodes with one-hot identity features for the karate club. With a node mask it also "
                                + "gives a vector N holding 1 for each real node and 0 for padding, for a masked readout.",
                        List.of(new IntParam("nodes", "Nodes N", 34, 1, 100_000, "Nodes per graph; smaller graphs are padded."),
                                new IntParam("features", "Features F", 34, 1, 1_000_000, "Numbers describing each node."),
                                new BoolParam(MASK, "Node mask", false,
                                        "Also give a 'mask' port saying which nodes are real, when graphs of several sizes are padded to N.")),
                        Ports.none(), p -> p.getBool(MASK) ? List.of("features", "adjacency", MASK) : GRAPH_PORTS,
                        GraphLayers::graphInput),
                new LayerSpec("gcn", "GCN layer", LayerFamily.GRAPH,
                        "Graph convolution: every node averages its neighbours' (and its own) features with symmetric "
                                + "degree weights, then applies one shared linear map, H' = D^-1/2 (A+I) D^-1/2 H W + b. "
                                + "Two GCN layers of 16 units solve many node-classification tasks.",
                        List.of(units, bias, new BoolParam("self_loops", "Self loops", true,
                                "Add I to the adjacency so that each node keeps its own features.")),
                        graphPorts(), Ports.OUT, GraphLayers::gcn),
                new LayerSpec("gat", "GAT layer", LayerFamily.GRAPH,
                        "Graph attention: each node scores its neighbours with e_ij = LeakyReLU(a·[Wh_i ‖ Wh_j]), "
                                + "softmaxes the scores over its neighbourhood (itself included) and sums their projected "
                                + "features with those weights. Several heads are concatenated or averaged; 8 heads of 8 units is typical.",
                        List.of(new IntParam("units", "Units per head", 8, 1, 100_000, "Features each head makes per node."),
                                new IntParam("heads", "Heads", 4, 1, 64, "Independent attention heads."),
                                new ChoiceParam("combine", "Combine heads", "concat", List.of("concat", "mean"),
                                        "Concatenate the heads (hidden layers) or average them (output layer)."),
                                new DoubleParam("negative_slope", "Negative slope", 0.2, 0.0, 1.0,
                                        "Slope of the LeakyReLU applied to attention scores below zero."),
                                bias),
                        graphPorts(), Ports.OUT, GraphLayers::gat),
                new LayerSpec("message_passing", "Message passing", LayerFamily.GRAPH,
                        "The general graph layer: each node gathers messages W_msg h_j from its neighbours j (the nonzero "
                                + "entries of its adjacency row), aggregates them by sum, mean or max into m_i, and updates "
                                + "h_i' = act(W_self h_i + m_i + b). Use mean for varying degrees, sum to count, max for the strongest signal.",
                        List.of(units, new ChoiceParam("aggregation", "Aggregation", "mean", List.of("sum", "mean", "max"),
                                        "How the neighbours' messages are combined; a node without neighbours gets 0."),
                                new ChoiceParam("activation", "Activation", "relu", List.of("relu", "tanh", "none"),
                                        "The update's non-linearity act."),
                                bias),
                        graphPorts(), Ports.OUT, GraphLayers::messagePassing),
                new LayerSpec("graph_readout", "Graph readout", LayerFamily.GRAPH,
                        "Pools the node features of each graph into one vector (N×F -> F) by sum, mean or max, for "
                                + "graph classification. Masked, it takes a graph input's node mask and leaves padded "
                                + "nodes out, so graphs of several sizes batched together pool only their own nodes.",
                        List.of(new ChoiceParam("mode", "Pooling", "mean", List.of("sum", "mean", "max"),
                                "How the nodes' features are combined."),
                                new BoolParam("masked", "Masked", false,
                                        "Take a node mask on a 'mask' port and pool only the nodes it marks as real.")),
                        p -> p.getBool("masked") ? List.of("features", MASK) : List.of("features"), Ports.OUT,
                        GraphLayers::readout));
    }

    private static Function<LayerParams, List<String>> graphPorts() {
        return p -> GRAPH_PORTS;
    }

    /** Checks features N×F and adjacency N×N with the same N; returns {N, F}. */
    static int[] graph(List<Shape> in) {
        Shape h = in.get(0);
        if (h.rank() != 2) {
            throw new ShapeMismatch("expects node features N×F on 'features' (from a graph input or another graph "
                    + "layer), but got " + h.describe());
        }
        int n = h.dim(0);
        if (in.size() > 1) {
            Shape a = in.get(1);
            if (a.rank() != 2 || a.dim(0) != a.dim(1)) {
                throw new ShapeMismatch("expects a square adjacency N×N on 'adjacency' (a graph input's adjacency "
                        + "port), but got " + a.describe());
            }
            if (a.dim(0) != n) {
                throw new ShapeMismatch("expects an adjacency " + n + "×" + n + " to match its " + n + " nodes of "
                        + "features " + h + ", but got an adjacency " + a);
            }
        }
        return new int[] {n, h.dim(1)};
    }

    private static LayerOutput gcn(LayerParams p, List<Shape> in) {
        int[] nf = graph(in);
        long n = nf[0];
        long f = nf[1];
        int u = p.getInt("units");
        long params = f * u + (p.getBool("bias") ? u : 0);
        // H W, then the dense normalized adjacency times that.
        long macs = n * f * u + n * n * u;
        return LayerOutput.of(Shape.of(nf[0], u), params, macs);
    }

    private static LayerOutput gat(LayerParams p, List<Shape> in) {
        int[] nf = graph(in);
        long n = nf[0];
        long f = nf[1];
        int u = p.getInt("units");
        int heads = p.getInt("heads");
        boolean concat = p.getString("combine").equals("concat");
        int width = concat ? u * heads : u;
        long params = f * u * heads + 2L * u * heads + (p.getBool("bias") ? width : 0);
        // Projection, the two halves of the score vector a, and the attention-weighted sum.
        long macs = n * f * u * heads + 2 * n * u * heads + n * n * u * heads;
        return LayerOutput.of(Shape.of(nf[0], width), params, macs);
    }

    private static LayerOutput messagePassing(LayerParams p, List<Shape> in) {
        int[] nf = graph(in);
        long n = nf[0];
        long f = nf[1];
        int u = p.getInt("units");
        long params = 2 * f * u + (p.getBool("bias") ? u : 0);
        long macs = 2 * n * f * u + n * n * u;
        return LayerOutput.of(Shape.of(nf[0], u), params, macs);
    }

    private static LayerOutput graphInput(LayerParams p, List<Shape> in) {
        int n = p.getInt("nodes");
        List<Shape> out = new java.util.ArrayList<>(List.of(Shape.of(n, p.getInt("features")), Shape.of(n, n)));
        if (p.getBool(MASK)) {
            out.add(Shape.of(n));
        }
        return new LayerOutput(out, 0, 0);
    }

    private static LayerOutput readout(LayerParams p, List<Shape> in) {
        int[] nf = graph(in.subList(0, 1));
        if (in.size() > 1) {
            Shape mask = in.get(1);
            if (!mask.equals(Shape.of(nf[0]))) {
                throw new ShapeMismatch("expects a node mask of " + nf[0] + " on 'mask' (a graph input's mask port) to "
                        + "match its " + nf[0] + " nodes, but got " + mask.describe());
            }
        }
        return LayerOutput.of(Shape.of(nf[1]), 0, 0);
    }
}
