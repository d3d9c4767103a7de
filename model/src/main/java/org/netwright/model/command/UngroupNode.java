package org.netwright.model.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;

/**
 * Replaces a composite node by the layers inside it, rewiring its exposed ports to the inner layers.
 * Inner nodes keep their ids unless the outer graph already uses them (then they get a fresh one).
 * Undo puts the composite and its edges back.
 */
public final class UngroupNode implements GraphCommand {
    private final Node composite;
    private final List<Edge> compositeEdges;
    private final List<Node> inlined;
    private final List<Edge> inlinedEdges;
    private final String problem;

    private UngroupNode(Node composite, List<Edge> compositeEdges, List<Node> inlined, List<Edge> inlinedEdges,
                        String problem) {
        this.composite = composite;
        this.compositeEdges = List.copyOf(compositeEdges);
        this.inlined = List.copyOf(inlined);
        this.inlinedEdges = List.copyOf(inlinedEdges);
        this.problem = problem;
    }

    /** Captures the composite {@code id} as it is in {@code graph} now. */
    public static UngroupNode of(Graph graph, String id) {
        Optional<Node> found = graph.node(id);
        if (found.isEmpty()) {
            return new UngroupNode(null, List.of(), List.of(), List.of(), "There is no node " + id + " to ungroup.");
        }
        Node c = found.get();
        if (!CompositePorts.isComposite(c) || c.body() == null) {
            return new UngroupNode(c, List.of(), List.of(), List.of(), id + " is not a composite block.");
        }
        List<Edge> around = new ArrayList<>(graph.incomingEdges(id));
        around.addAll(graph.outgoingEdges(id));
        Graph body = c.body();
        // New ids: the inner id unless the outer graph (without the composite) or an earlier inner node took it.
        Set<String> taken = new HashSet<>(graph.nodes().keySet());
        taken.remove(id);
        Map<String, String> rename = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        // The layers come out centred where the block was: a block's inside is laid out on its own, so its places mean
        // nothing among the outer cards (a block grouped in place comes back where its layers were).
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Node n : body.nodes().values()) {
            if (!CompositePorts.isPlaceholder(n)) {
                box[0] = Math.min(box[0], n.x());
                box[1] = Math.min(box[1], n.y());
                box[2] = Math.max(box[2], n.x());
                box[3] = Math.max(box[3], n.y());
            }
        }
        double dx = box[0] > box[2] ? 0 : Math.round(c.x() - (box[0] + box[2]) / 2);
        double dy = box[1] > box[3] ? 0 : Math.round(c.y() - (box[1] + box[3]) / 2);
        for (Node n : body.nodes().values()) {
            if (CompositePorts.isPlaceholder(n)) {
                continue;
            }
            String fresh = n.id();
            for (int i = 2; taken.contains(fresh); i++) {
                fresh = n.id() + "_" + i;
            }
            taken.add(fresh);
            rename.put(n.id(), fresh);
            nodes.add(new Node(fresh, n.type(), n.params(), n.x() + dx, n.y() + dy, n.body()));
        }
        List<Edge> edges = new ArrayList<>();
        for (Edge e : body.edges()) {
            if (rename.containsKey(e.from().nodeId()) && rename.containsKey(e.to().nodeId())) {
                edges.add(new Edge(renamed(rename, e.from()), renamed(rename, e.to())));
            }
        }
        for (Edge in : graph.incomingEdges(id)) {
            Node entry = CompositePorts.placeholder(body, CompositePorts.INPUT, in.to().port());
            if (entry == null) {
                continue;
            }
            for (Edge inner : body.outgoingEdges(entry.id())) {
                if (rename.containsKey(inner.to().nodeId())) {
                    edges.add(new Edge(in.from(), renamed(rename, inner.to())));
                } else {
                    // Input passed straight to an output: join the outer source to the outer users of that output.
                    String exitPort = CompositePorts.portOf(body.require(inner.to().nodeId()));
                    for (Edge out : graph.outgoingEdges(id)) {
                        if (out.from().port().equals(exitPort)) {
                            edges.add(new Edge(in.from(), out.to()));
                        }
                    }
                }
            }
        }
        for (Edge out : graph.outgoingEdges(id)) {
            Node exit = CompositePorts.placeholder(body, CompositePorts.OUTPUT, out.from().port());
            Optional<Edge> feeding = exit == null ? Optional.empty() : body.incoming(new PortRef(exit.id(), "in"));
            if (feeding.isPresent() && rename.containsKey(feeding.get().from().nodeId())) {
                edges.add(new Edge(renamed(rename, feeding.get().from()), out.to()));
            }
        }
        return new UngroupNode(c, around, nodes, edges, null);
    }

    private static PortRef renamed(Map<String, String> rename, PortRef p) {
        return new PortRef(rename.get(p.nodeId()), p.port());
    }

    @Override
    public Graph apply(Graph graph) {
        Graph g = graph.withoutNodes(List.of(composite.id()));
        for (Node n : inlined) {
            g = g.withNode(n);
        }
        for (Edge e : inlinedEdges) {
            g = g.connect(e);
        }
        return g;
    }

    @Override
    public Graph undo(Graph graph) {
        Graph g = graph.withoutNodes(inlined.stream().map(Node::id).toList()).withNode(composite);
        for (Edge e : compositeEdges) {
            g = g.connect(e);
        }
        return g;
    }

    @Override
    public String description() {
        return "Ungroup " + composite.id();
    }

    @Override
    public Optional<String> whyNot(Graph graph) {
        if (problem != null) {
            return Optional.of(problem);
        }
        if (!graph.node(composite.id()).map(composite::equals).orElse(false)) {
            return Optional.of(composite.id() + " changed since the command was made.");
        }
        return Optional.empty();
    }
}
