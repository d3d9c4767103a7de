package org.netwright.model.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;

/**
 * Turns a selection of nodes into one composite node whose body holds them. Every edge that enters the
 * selection becomes an exposed input (one per distinct source: "in", or "in1", "in2", …) and every inner
 * output used outside becomes an exposed output ("out", or "out1", …). Undo puts the nodes and edges back.
 */
public final class GroupNodes implements GraphCommand {
    private final List<Node> members;
    private final List<Edge> touching;
    private final Node composite;
    private final List<Edge> outerEdges;
    private final String problem;

    private GroupNodes(List<Node> members, List<Edge> touching, Node composite, List<Edge> outerEdges, String problem) {
        this.members = List.copyOf(members);
        this.touching = List.copyOf(touching);
        this.composite = composite;
        this.outerEdges = List.copyOf(outerEdges);
        this.problem = problem;
    }

    /** Captures the selection as it is in {@code graph} now and builds the composite {@code id} named {@code name}. */
    public static GroupNodes of(Graph graph, List<String> ids, String id, String name) {
        Set<String> selected = new LinkedHashSet<>(ids);
        List<Node> members = new ArrayList<>();
        for (String s : selected) {
            graph.node(s).ifPresent(members::add);
        }
        List<Edge> touching = new ArrayList<>();
        for (Edge e : graph.edges()) {
            if (selected.contains(e.from().nodeId()) || selected.contains(e.to().nodeId())) {
                touching.add(e);
            }
        }
        String problem = check(graph, selected, members, id, name);
        if (problem != null) {
            return new GroupNodes(members, touching, null, List.of(), problem);
        }
        // Distinct outer sources feeding the selection, and inner sources used outside, in edge order.
        Map<PortRef, String> inPorts = new LinkedHashMap<>();
        Map<PortRef, String> outPorts = new LinkedHashMap<>();
        for (Edge e : touching) {
            boolean fromInside = selected.contains(e.from().nodeId());
            boolean toInside = selected.contains(e.to().nodeId());
            if (!fromInside && toInside) {
                inPorts.put(e.from(), null);
            } else if (fromInside && !toInside) {
                outPorts.put(e.from(), null);
            }
        }
        // A selected node that feeds nothing is the network's output: keep it reachable as an exposed output.
        for (Node m : members) {
            if (graph.outgoingEdges(m.id()).isEmpty()) {
                List<String> ports = CompositePorts.isComposite(m) ? CompositePorts.outputs(m)
                        : LayerCatalog.standard().find(m.type()).map(spec -> spec.outputPorts(spec.resolve(m.params()))).orElse(List.of());
                if (!ports.isEmpty()) {
                    outPorts.put(new PortRef(m.id(), ports.get(0)), null);
                }
            }
        }
        name(inPorts, "in");
        name(outPorts, "out");
        double minX = members.stream().mapToDouble(Node::x).min().orElse(0);
        double maxX = members.stream().mapToDouble(Node::x).max().orElse(0);
        double midY = members.stream().mapToDouble(Node::y).average().orElse(0);
        Graph body = Graph.empty();
        for (Node m : members) {
            body = body.withNode(m);
        }
        Map<PortRef, String> entryIds = new LinkedHashMap<>();
        for (Map.Entry<PortRef, String> p : inPorts.entrySet()) {
            String entry = body.freshId("input");
            body = body.withNode(new Node(entry, CompositePorts.INPUT, Map.of(CompositePorts.PORT, p.getValue()),
                    minX - 250, midY));
            entryIds.put(p.getKey(), entry);
        }
        Map<PortRef, String> exitIds = new LinkedHashMap<>();
        for (Map.Entry<PortRef, String> p : outPorts.entrySet()) {
            String exit = body.freshId("output");
            body = body.withNode(new Node(exit, CompositePorts.OUTPUT, Map.of(CompositePorts.PORT, p.getValue()),
                    maxX + 250, midY));
            exitIds.put(p.getKey(), exit);
        }
        List<Edge> outer = new ArrayList<>();
        for (Edge e : touching) {
            boolean fromInside = selected.contains(e.from().nodeId());
            boolean toInside = selected.contains(e.to().nodeId());
            if (fromInside && toInside) {
                body = body.connect(e);
            } else if (toInside) {
                body = body.connect(new Edge(new PortRef(entryIds.get(e.from()), "out"), e.to()));
            } else if (fromInside) {
                outer.add(new Edge(new PortRef(id, outPorts.get(e.from())), e.to()));
            }
        }
        for (Map.Entry<PortRef, String> p : inPorts.entrySet()) {
            outer.add(new Edge(p.getKey(), new PortRef(id, p.getValue())));
        }
        for (Map.Entry<PortRef, String> p : exitIds.entrySet()) {
            body = body.connect(new Edge(p.getKey(), new PortRef(p.getValue(), "in")));
        }
        Node composite = new Node(id, CompositePorts.COMPOSITE, Map.of("name", name), (minX + maxX) / 2, midY, body);
        return new GroupNodes(members, touching, composite, outer, null);
    }

    private static String check(Graph graph, Set<String> selected, List<Node> members, String id, String name) {
        if (selected.isEmpty()) {
            return "Nothing is selected to group.";
        }
        if (members.size() != selected.size()) {
            return "Some of the selected nodes are not in the graph.";
        }
        if (graph.node(id).isPresent() && !selected.contains(id)) {
            return "A node named " + id + " already exists.";
        }
        Optional<String> badName = LayerCatalog.standard().require(CompositePorts.COMPOSITE).param("name")
                .flatMap(p -> p.whyInvalid(name));
        if (badName.isPresent()) {
            return badName.get();
        }
        for (Node m : members) {
            if (CompositePorts.isPlaceholder(m)) {
                return m.id() + " is a composite port and cannot be grouped again.";
            }
        }
        // A path that leaves the selection and comes back would become a loop through the composite.
        for (Edge e : graph.edges()) {
            if (selected.contains(e.from().nodeId()) && !selected.contains(e.to().nodeId())) {
                for (String s : selected) {
                    if (graph.reaches(e.to().nodeId(), s)) {
                        return "Grouping would make a cycle: " + e.to().nodeId() + " lies outside the selection between "
                                + e.from().nodeId() + " and " + s + "; select it too.";
                    }
                }
            }
        }
        return null;
    }

    /** "in" for a single port, else "in1", "in2", …. */
    private static void name(Map<PortRef, String> ports, String stem) {
        int i = 1;
        for (Map.Entry<PortRef, String> p : ports.entrySet()) {
            p.setValue(ports.size() == 1 ? stem : stem + i++);
        }
    }

    /**
     * The same grouping with the block's inside placed by {@code arrange} (the editor lays it out, so that the layers
     * do not keep the places they had among the others); a grouping that cannot be made is returned as it is.
     */
    public GroupNodes arrangingBody(java.util.function.UnaryOperator<Graph> arrange) {
        if (composite == null) {
            return this;
        }
        return new GroupNodes(members, touching, composite.withBody(arrange.apply(composite.body())), outerEdges, problem);
    }

    /** The composite this command makes; null when it cannot be made. */
    public Node composite() {
        return composite;
    }

    @Override
    public Graph apply(Graph graph) {
        Graph g = graph.withoutNodes(members.stream().map(Node::id).toList()).withNode(composite);
        for (Edge e : outerEdges) {
            g = g.connect(e);
        }
        return g;
    }

    @Override
    public Graph undo(Graph graph) {
        Graph g = graph.withoutNodes(List.of(composite.id()));
        for (Node m : members) {
            g = g.withNode(m);
        }
        for (Edge e : touching) {
            g = g.connect(e);
        }
        return g;
    }

    @Override
    public String description() {
        return "Group " + members.size() + " node" + (members.size() == 1 ? "" : "s") + " into " + composite.id();
    }

    @Override
    public Optional<String> whyNot(Graph graph) {
        if (problem != null) {
            return Optional.of(problem);
        }
        for (Node m : members) {
            if (!graph.node(m.id()).map(m::equals).orElse(false)) {
                return Optional.of(m.id() + " changed since the selection was made.");
            }
        }
        return Optional.empty();
    }
}
