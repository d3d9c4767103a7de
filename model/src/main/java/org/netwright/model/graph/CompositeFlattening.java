package org.netwright.model.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replaces every composite node by the layers inside it, recursively, so that a graph with composites
 * runs like the flat graph it stands for. Inner nodes get path ids ("block1/conv_2"), the placeholders
 * disappear and the edges through them are joined end to end.
 */
public final class CompositeFlattening {
    /** Joins a composite's id and an inner node's id. */
    public static final String SEPARATOR = "/";

    private CompositeFlattening() {
    }

    /** The flat graph; the same instance when there is no composite. */
    public static Graph flatten(Graph graph) {
        Map<String, Graph> bodies = flatBodies(graph);
        if (bodies.isEmpty()) {
            return graph;
        }
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (Node n : graph.nodes().values()) {
            Graph body = bodies.get(n.id());
            if (body == null) {
                nodes.add(n);
                continue;
            }
            for (Node inner : body.nodes().values()) {
                if (!CompositePorts.isPlaceholder(inner)) {
                    nodes.add(new Node(path(n.id(), inner.id()), inner.type(), inner.params(), inner.x(), inner.y(),
                            inner.body()));
                }
            }
            for (Edge e : body.edges()) {
                if (!CompositePorts.isPlaceholder(body.require(e.from().nodeId()))
                        && !CompositePorts.isPlaceholder(body.require(e.to().nodeId()))) {
                    edges.add(new Edge(prefixed(n.id(), e.from()), prefixed(n.id(), e.to())));
                }
            }
        }
        for (Edge e : graph.edges()) {
            Optional<PortRef> from = source(graph, bodies, e.from());
            if (from.isPresent()) {
                for (PortRef to : targets(graph, bodies, e.to())) {
                    edges.add(new Edge(from.get(), to));
                }
            }
        }
        return Graph.of(nodes, edges);
    }

    /**
     * Where an output port of {@code graph} ("node.port", possibly a composite's) is found in the flat graph;
     * the port itself when it is not a composite's.
     */
    public static PortRef flatPort(Graph graph, PortRef port) {
        return source(graph, flatBodies(graph), port).orElseThrow(() ->
                new GraphEditException(port + " is not fed from inside its composite block."));
    }

    /** Each composite's body, itself flattened, by the composite's id. */
    private static Map<String, Graph> flatBodies(Graph graph) {
        Map<String, Graph> bodies = new HashMap<>();
        for (Node n : graph.nodes().values()) {
            if (CompositePorts.isComposite(n)) {
                bodies.put(n.id(), flatten(n.body() == null ? Graph.empty() : n.body()));
            }
        }
        return bodies;
    }

    /** The flat output port an edge from {@code port} starts at, following composite outputs (and pass-throughs) inward. */
    private static Optional<PortRef> source(Graph graph, Map<String, Graph> bodies, PortRef port) {
        Graph body = bodies.get(port.nodeId());
        if (body == null) {
            return Optional.of(port);
        }
        Node exit = CompositePorts.placeholder(body, CompositePorts.OUTPUT, port.port());
        if (exit == null) {
            return Optional.empty();
        }
        Optional<Edge> feeding = body.incoming(new PortRef(exit.id(), "in"));
        if (feeding.isEmpty()) {
            return Optional.empty();
        }
        Node inner = body.require(feeding.get().from().nodeId());
        if (CompositePorts.INPUT.equals(inner.type())) {
            // The block passes one of its inputs straight out: continue from whatever feeds that input.
            return graph.incoming(new PortRef(port.nodeId(), CompositePorts.portOf(inner)))
                    .flatMap(outer -> source(graph, bodies, outer.from()));
        }
        return Optional.of(prefixed(port.nodeId(), feeding.get().from()));
    }

    /** The flat input ports an edge into {@code port} reaches: a composite input fans out to the layers it feeds. */
    private static List<PortRef> targets(Graph graph, Map<String, Graph> bodies, PortRef port) {
        Graph body = bodies.get(port.nodeId());
        if (body == null) {
            return List.of(port);
        }
        Node entry = CompositePorts.placeholder(body, CompositePorts.INPUT, port.port());
        List<PortRef> out = new ArrayList<>();
        if (entry != null) {
            for (Edge e : body.outgoingEdges(entry.id())) {
                // An edge straight to an output placeholder is a pass-through that source() resolves.
                if (!CompositePorts.isPlaceholder(body.require(e.to().nodeId()))) {
                    out.add(prefixed(port.nodeId(), e.to()));
                }
            }
        }
        return out;
    }

    private static String path(String compositeId, String innerId) {
        return compositeId + SEPARATOR + innerId;
    }

    private static PortRef prefixed(String compositeId, PortRef inner) {
        return new PortRef(path(compositeId, inner.nodeId()), inner.port());
    }
}
