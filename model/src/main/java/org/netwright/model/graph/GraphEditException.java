package org.netwright.model.graph;

/** An edit that would make the graph invalid (a cycle, a taken port, an unknown node); the message says why. */
public class GraphEditException extends RuntimeException {
    public GraphEditException(String message) {
        super(message);
    }
}
