package org.netwright.model.graph;

import java.util.Objects;

/** A connection from an output port of one node to an input port of another. */
public record Edge(PortRef from, PortRef to) {
    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static Edge of(String fromNode, String fromPort, String toNode, String toPort) {
        return new Edge(new PortRef(fromNode, fromPort), new PortRef(toNode, toPort));
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
