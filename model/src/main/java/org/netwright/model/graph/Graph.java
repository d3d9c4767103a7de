package org.netwright.model.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A network as a directed acyclic graph of {@link Node}s joined by {@link Edge}s.
 * Immutable: every edit returns a new graph, so any earlier version can be kept for undo.
 * An input port takes at most one edge; an output port may feed many.
 */
public final class Graph {
    private static final Graph EMPTY = new Graph(Map.of(), List.of(), null);

    private final Map<String, Node> nodes;
    private final List<Edge> edges;
    /**
     * Edges looked up by port and by node, built on first use. It depends on the edges only, so an edit that keeps
     * the edges (a move, a parameter, a new node) hands it on; without it every lookup scanned all edges and
     * loading or inferring a large graph took quadratic time.
     */
    private volatile EdgeIndex index;

    private Graph(Map<String, Node> nodes, List<Edge> edges, EdgeIndex index) {
        this.nodes = Collections.unmodifiableMap(nodes);
        this.edges = Collections.unmodifiableList(edges);
        this.index = index;
    }

    public static Graph empty() {
        return EMPTY;
    }

    /** Builds a graph from parts, checking every edge as {@link #connect} would, in time linear in its size. */
    public static Graph of(Collection<Node> nodes, Collection<Edge> edges) {
        Builder b = builder();
        for (Node n : nodes) {
            b.node(n);
        }
        for (Edge e : edges) {
            b.connect(e);
        }
        return b.build();
    }

    /** A builder that assembles a large graph in linear time (loading a file, flattening, templates). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Collects nodes and edges, checking each edge's ends and input port as it comes and the absence of cycles once,
     * in {@link #build()}: so a graph of n nodes is built in O(n + edges) rather than the O(n²) of repeated
     * {@link #withNode}/{@link #connect}. Not thread-safe; use once.
     */
    public static final class Builder {
        private final Map<String, Node> nodes = new LinkedHashMap<>();
        private final List<Edge> edges = new ArrayList<>();
        private final Map<PortRef, Edge> byInput = new HashMap<>();

        private Builder() {
        }

        /** Adds a node, or replaces the node with the same id. */
        public Builder node(Node node) {
            nodes.put(node.id(), node);
            return this;
        }

        /** True when a node with this id has been added. */
        public boolean has(String id) {
            return nodes.containsKey(id);
        }

        /** Says why {@code edge} cannot be added (unknown node, self-loop, taken input); cycles are checked by build. */
        public Optional<String> whyNot(Edge edge) {
            return refusal(edge, nodes::containsKey, Optional.ofNullable(byInput.get(edge.to())));
        }

        /** The edge already feeding this input port, if any. */
        public Optional<Edge> incoming(PortRef inputPort) {
            return Optional.ofNullable(byInput.get(inputPort));
        }

        /** Adds an edge; throws {@link GraphEditException} as {@link Graph#connect} would, except for cycles. */
        public Builder connect(Edge edge) {
            Optional<String> problem = whyNot(edge);
            if (problem.isPresent()) {
                throw new GraphEditException(problem.get());
            }
            edges.add(edge);
            byInput.put(edge.to(), edge);
            return this;
        }

        /** The graph; throws {@link GraphEditException} naming the first edge that closes a cycle, if one does. */
        public Graph build() {
            Graph g = new Graph(new LinkedHashMap<>(nodes), new ArrayList<>(edges), null);
            if (!g.isAcyclic()) {
                throw new GraphEditException(g.firstCycleEdge());
            }
            return g;
        }
    }

    /** Why the first edge that closes a cycle cannot be added; slow, used only once a cycle is known to exist. */
    private String firstCycleEdge() {
        Graph g = new Graph(nodes, List.of(), null);
        for (Edge e : edges) {
            if (g.reaches(e.to().nodeId(), e.from().nodeId())) {
                return cycleMessage(e);
            }
            g = g.connect(e);
        }
        return "The graph has a cycle; a network must be a DAG.";
    }

    private static String cycleMessage(Edge edge) {
        return "Connecting " + edge + " would make a cycle: " + edge.to().nodeId() + " already feeds "
                + edge.from().nodeId() + ". A network must be a DAG.";
    }

    public Map<String, Node> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    public Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    public Node require(String id) {
        Node n = nodes.get(id);
        if (n == null) {
            throw new GraphEditException("There is no node '" + id + "' in this graph.");
        }
        return n;
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /** Adds a node, or replaces the node with the same id (keeping its edges). */
    public Graph withNode(Node node) {
        Map<String, Node> copy = new LinkedHashMap<>(nodes);
        copy.put(node.id(), node);
        return new Graph(copy, edges, index);
    }

    /** Adds or replaces several nodes at once (a move of many, a layout) with one copy of the node map. */
    public Graph withNodes(Collection<Node> changed) {
        if (changed.isEmpty()) {
            return this;
        }
        Map<String, Node> copy = new LinkedHashMap<>(nodes);
        for (Node n : changed) {
            copy.put(n.id(), n);
        }
        return new Graph(copy, edges, index);
    }

    /** Removes nodes and every edge that touches them. */
    public Graph withoutNodes(Collection<String> ids) {
        Set<String> gone = new HashSet<>(ids);
        Map<String, Node> copy = new LinkedHashMap<>(nodes);
        copy.keySet().removeAll(gone);
        List<Edge> kept = new ArrayList<>();
        for (Edge e : edges) {
            if (!gone.contains(e.from().nodeId()) && !gone.contains(e.to().nodeId())) {
                kept.add(e);
            }
        }
        return new Graph(copy, kept, null);
    }

    /** Adds an edge; refuses unknown nodes, self-loops, a taken input port and cycles. */
    public Graph connect(Edge edge) {
        Optional<String> problem = whyNotConnect(edge);
        if (problem.isPresent()) {
            throw new GraphEditException(problem.get());
        }
        List<Edge> copy = new ArrayList<>(edges);
        copy.add(edge);
        return new Graph(nodes, copy, null);
    }

    /** Adds many edges at once, checked as {@link #connect} would but in linear time (cycles once, at the end). */
    public Graph connectAll(Collection<Edge> more) {
        if (more.isEmpty()) {
            return this;
        }
        Builder b = builder();
        nodes.values().forEach(b::node);
        edges.forEach(b::connect);
        more.forEach(b::connect);
        return b.build();
    }

    /**
     * Why an edge cannot be added before any cycle check, the same for a graph and its builder: an unknown end, a
     * self-loop, or an input already fed by {@code taken}.
     */
    private static Optional<String> refusal(Edge edge, java.util.function.Predicate<String> known,
                                            Optional<Edge> taken) {
        String from = edge.from().nodeId();
        String to = edge.to().nodeId();
        if (!known.test(from)) {
            return Optional.of("There is no node '" + from + "' to connect from.");
        }
        if (!known.test(to)) {
            return Optional.of("There is no node '" + to + "' to connect to.");
        }
        if (from.equals(to)) {
            return Optional.of("A node cannot feed itself: " + edge + " would make a loop.");
        }
        return taken.map(t -> "Input " + edge.to() + " is already fed by " + t.from() + "; remove that edge first.");
    }

    /** Says why {@code edge} cannot be added, or nothing when it can. */
    public Optional<String> whyNotConnect(Edge edge) {
        Optional<String> refused = refusal(edge, nodes::containsKey, incoming(edge.to()));
        if (refused.isPresent()) {
            return refused;
        }
        if (reaches(edge.to().nodeId(), edge.from().nodeId())) {
            return Optional.of(cycleMessage(edge));
        }
        return Optional.empty();
    }

    public Graph disconnect(Edge edge) {
        List<Edge> copy = new ArrayList<>(edges);
        if (!copy.remove(edge)) {
            throw new GraphEditException("There is no edge " + edge + ".");
        }
        return new Graph(nodes, copy, null);
    }

    /** The edge feeding one input port, if any. */
    public Optional<Edge> incoming(PortRef inputPort) {
        return Optional.ofNullable(index().byInput.get(inputPort));
    }

    /** The edges into one node, in graph order. */
    public List<Edge> incomingEdges(String nodeId) {
        return index().into.getOrDefault(nodeId, List.of());
    }

    /** The edges out of one node, in graph order. */
    public List<Edge> outgoingEdges(String nodeId) {
        return index().outOf.getOrDefault(nodeId, List.of());
    }

    private EdgeIndex index() {
        EdgeIndex i = index;
        if (i == null) {
            i = new EdgeIndex(edges);
            index = i;
        }
        return i;
    }

    /** Edges by input port, by target node and by source node; immutable once built. */
    private static final class EdgeIndex {
        final Map<PortRef, Edge> byInput = new HashMap<>();
        final Map<String, List<Edge>> into = new HashMap<>();
        final Map<String, List<Edge>> outOf = new HashMap<>();

        EdgeIndex(List<Edge> edges) {
            for (Edge e : edges) {
                byInput.putIfAbsent(e.to(), e);
                into.computeIfAbsent(e.to().nodeId(), k -> new ArrayList<>()).add(e);
                outOf.computeIfAbsent(e.from().nodeId(), k -> new ArrayList<>()).add(e);
            }
            into.replaceAll((k, v) -> Collections.unmodifiableList(v));
            outOf.replaceAll((k, v) -> Collections.unmodifiableList(v));
        }
    }

    /** True when a path of edges leads from {@code start} to {@code target}. */
    public boolean reaches(String start, String target) {
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.push(start);
        while (!todo.isEmpty()) {
            String current = todo.pop();
            if (current.equals(target)) {
                return true;
            }
            if (seen.add(current)) {
                for (Edge e : outgoingEdges(current)) {
                    todo.push(e.to().nodeId());
                }
            }
        }
        return false;
    }

    /** Node ids in an order where every node comes after all nodes that feed it (Kahn; ties keep insertion order). */
    public List<String> topologicalOrder() {
        List<String> order = kahn();
        if (order.size() != nodes.size()) {
            throw new GraphEditException("The graph has a cycle; a network must be a DAG.");
        }
        return order;
    }

    private boolean isAcyclic() {
        return kahn().size() == nodes.size();
    }

    /** Kahn's algorithm; leaves out the nodes on or after a cycle. */
    private List<String> kahn() {
        Map<String, Integer> indegree = new HashMap<>();
        for (String id : nodes.keySet()) {
            indegree.put(id, 0);
        }
        for (Edge e : edges) {
            indegree.merge(e.to().nodeId(), 1, Integer::sum);
        }
        List<String> order = new ArrayList<>(nodes.size());
        Deque<String> ready = new ArrayDeque<>();
        for (String id : nodes.keySet()) {
            if (indegree.get(id) == 0) {
                ready.add(id);
            }
        }
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (Edge e : outgoingEdges(id)) {
                String next = e.to().nodeId();
                if (indegree.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        return order;
    }

    /** Nodes that feed nothing: the network's outputs. */
    public List<String> sinks() {
        List<String> out = new ArrayList<>();
        for (String id : nodes.keySet()) {
            if (outgoingEdges(id).isEmpty()) {
                out.add(id);
            }
        }
        return out;
    }

    /** A fresh node id built from a prefix, e.g. {@code dense_3}. */
    public String freshId(String prefix) {
        int i = 1;
        while (nodes.containsKey(prefix + "_" + i)) {
            i++;
        }
        return prefix + "_" + i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Graph g && nodes.equals(g.nodes) && new HashSet<>(edges).equals(new HashSet<>(g.edges));
    }

    @Override
    public int hashCode() {
        return nodes.hashCode() * 31 + new HashSet<>(edges).hashCode();
    }

    @Override
    public String toString() {
        return "Graph" + nodes.keySet() + edges;
    }
}
