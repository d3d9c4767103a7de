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
    private static final Graph EMPTY = new Graph(Map.of(), List.of());

    private final Map<String, Node> nodes;
    private final List<Edge> edges;

    private Graph(Map<String, Node> nodes, List<Edge> edges) {
        this.nodes = Collections.unmodifiableMap(nodes);
        this.edges = Collections.unmodifiableList(edges);
    }

    public static Graph empty() {
        return EMPTY;
    }

    /** Builds a graph from parts, checking every edge as {@link #connect} would. */
    public static Graph of(Collection<Node> nodes, Collection<Edge> edges) {
        Graph g = EMPTY;
        for (Node n : nodes) {
            g = g.withNode(n);
        }
        for (Edge e : edges) {
            g = g.connect(e);
        }
        return g;
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
        return new Graph(copy, edges);
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
        return new Graph(copy, kept);
    }

    /** Adds an edge; refuses unknown nodes, self-loops, a taken input port and cycles. */
    public Graph connect(Edge edge) {
        Optional<String> problem = whyNotConnect(edge);
        if (problem.isPresent()) {
            throw new GraphEditException(problem.get());
        }
        List<Edge> copy = new ArrayList<>(edges);
        copy.add(edge);
        return new Graph(new LinkedHashMap<>(nodes), copy);
    }

    /** Says why {@code edge} cannot be added, or nothing when it can. */
    public Optional<String> whyNotConnect(Edge edge) {
        String from = edge.from().nodeId();
        String to = edge.to().nodeId();
        if (!nodes.containsKey(from)) {
            return Optional.of("There is no node '" + from + "' to connect from.");
        }
        if (!nodes.containsKey(to)) {
            return Optional.of("There is no node '" + to + "' to connect to.");
        }
        if (from.equals(to)) {
            return Optional.of("A node cannot feed itself: " + edge + " would make a loop.");
        }
        Optional<Edge> taken = incoming(edge.to());
        if (taken.isPresent()) {
            return Optional.of("Input " + edge.to() + " is already fed by " + taken.get().from()
                    + "; remove that edge first.");
        }
        if (reaches(to, from)) {
            return Optional.of("Connecting " + edge + " would make a cycle: " + to
                    + " already feeds " + from + ". A network must be a DAG.");
        }
        return Optional.empty();
    }

    public Graph disconnect(Edge edge) {
        List<Edge> copy = new ArrayList<>(edges);
        if (!copy.remove(edge)) {
            throw new GraphEditException("There is no edge " + edge + ".");
        }
        return new Graph(new LinkedHashMap<>(nodes), copy);
    }

    /** The edge feeding one input port, if any. */
    public Optional<Edge> incoming(PortRef inputPort) {
        for (Edge e : edges) {
            if (e.to().equals(inputPort)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public List<Edge> incomingEdges(String nodeId) {
        List<Edge> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.to().nodeId().equals(nodeId)) {
                out.add(e);
            }
        }
        return out;
    }

    public List<Edge> outgoingEdges(String nodeId) {
        List<Edge> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.from().nodeId().equals(nodeId)) {
                out.add(e);
            }
        }
        return out;
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
        Map<String, Integer> indegree = new HashMap<>();
        for (String id : nodes.keySet()) {
            indegree.put(id, 0);
        }
        for (Edge e : edges) {
            indegree.merge(e.to().nodeId(), 1, Integer::sum);
        }
        List<String> order = new ArrayList<>();
        List<String> ready = new ArrayList<>();
        for (String id : nodes.keySet()) {
            if (indegree.get(id) == 0) {
                ready.add(id);
            }
        }
        while (!ready.isEmpty()) {
            String id = ready.remove(0);
            order.add(id);
            for (Edge e : outgoingEdges(id)) {
                String next = e.to().nodeId();
                if (indegree.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        if (order.size() != nodes.size()) {
            throw new GraphEditException("The graph has a cycle; a network must be a DAG.");
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
