package org.netwright.model.task;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.NodeReport;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeInference;

/** Parts of a graph cut out for use on their own, e.g. a VAE's decoder fed with latent vectors. */
public final class GraphCuts {
    private GraphCuts() {
    }

    /**
     * The layers after {@code nodeId} (every layer it reaches), fed by a normal {@code noise_input} that takes
     * its place under the same id and gives vectors of its output's size: a VAE's decoder after its sampling
     * layer. Node ids stay the same, so weights saved by id load into the cut. Throws IllegalArgumentException
     * when the node is missing, its output is not a vector, or a layer after it also reads a layer before it.
     */
    public static Graph after(Graph graph, String nodeId) {
        Node cut = graph.node(nodeId).orElseThrow(() -> new IllegalArgumentException(
                "There is no layer '" + nodeId + "' to cut the graph after."));
        NodeReport report = ShapeInference.infer(graph).report(nodeId);
        Shape out = report == null || !report.isOk() ? null : report.outputs().get("out");
        if (out == null || out.rank() != 1) {
            throw new IllegalArgumentException("The layer '" + nodeId + "' must give a vector on its port 'out' to be"
                    + " replaced by a noise input; it gives " + (out == null ? "no known shape" : out.describe()) + ".");
        }
        Set<String> after = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(nodeId));
        while (!todo.isEmpty()) {
            for (Edge e : graph.outgoingEdges(todo.pop())) {
                if (after.add(e.to().nodeId())) {
                    todo.push(e.to().nodeId());
                }
            }
        }
        if (after.isEmpty()) {
            throw new IllegalArgumentException("No layer follows '" + nodeId + "', so there is nothing after it to cut out.");
        }
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node(nodeId, "noise_input", Map.of("latent", Math.toIntExact(out.size()), "distribution", "normal"), cut.x(),
                cut.y()));
        List<Edge> edges = new ArrayList<>();
        for (String id : after) {
            nodes.add(graph.require(id));
            for (Edge e : graph.incomingEdges(id)) {
                String from = e.from().nodeId();
                if (!from.equals(nodeId) && !after.contains(from)) {
                    throw new IllegalArgumentException("The layer '" + id + "' after '" + nodeId + "' also reads '"
                            + from + "', which comes before the cut; the part after '" + nodeId
                            + "' cannot run on its own.");
                }
                edges.add(e);
            }
        }
        return Graph.of(nodes, edges);
    }

    /**
     * An autoencoder's code layer: for a network with one input and one output of the same shape (it rebuilds its
     * input, plainly or from a noisy copy), the layer giving the fewest values as a vector, the first of them in
     * order (so the layers after it, an activation included, form the decoder). Empty when the network is not shaped
     * like that or no layer in between gives a vector.
     */
    public static java.util.Optional<String> bottleneck(Graph graph) {
        NetworkEnds ends = NetworkEnds.of(graph);
        if (ends.inputs().size() != 1 || ends.outputs().size() != 1 || ends.inputs().get(0).shape() == null
                || !ends.inputs().get(0).shape().equals(ends.outputs().get(0).shape())) {
            return java.util.Optional.empty();
        }
        String in = ends.inputs().get(0).nodeId();
        String outNode = ends.outputs().get(0).nodeId();
        var shapes = ShapeInference.infer(graph);
        String best = null;
        long bestSize = Long.MAX_VALUE;
        for (String id : graph.topologicalOrder()) {
            if (id.equals(in) || id.equals(outNode)) {
                continue;
            }
            NodeReport r = shapes.report(id);
            Shape out = r == null || !r.isOk() ? null : r.outputs().get("out");
            if (out != null && out.rank() == 1 && out.size() < bestSize) {
                best = id;
                bestSize = out.size();
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /**
     * The code layer of a network that rebuilds its input ({@link #bottleneck}), or empty when it does not. It
     * rebuilds when {@code task} trains an output against an input's own field, or (a denoiser) it gives an image or
     * sequence shaped like its input; a vector out shaped like a vector in proves nothing (two features in, two class
     * scores out).
     */
    public static java.util.Optional<String> codeLayer(Graph graph, Task task) {
        boolean rebuilds = task.objectives().stream().anyMatch(o -> task.inputs().stream()
                .anyMatch(b -> b.field().equals(o.target())))
                || NetworkEnds.of(graph).inputs().stream().anyMatch(e -> e.shape() != null && e.shape().rank() >= 2);
        return rebuilds ? bottleneck(graph) : java.util.Optional.empty();
    }
}
