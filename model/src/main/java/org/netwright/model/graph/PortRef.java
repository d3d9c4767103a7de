package org.netwright.model.graph;

import java.util.Objects;

/** One named port of one node: the end of an edge. */
public record PortRef(String nodeId, String port) {
    public PortRef {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(port, "port");
    }

    @Override
    public String toString() {
        return nodeId + "." + port;
    }
}
