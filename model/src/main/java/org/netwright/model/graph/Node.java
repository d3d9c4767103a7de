package org.netwright.model.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One layer on the canvas: its id, its layer type (a catalog id such as {@code dense}),
 * its parameter values and where it sits. A composite node also carries its {@code body}, the
 * subgraph it stands for; every other node has a null body. Immutable; edits return a new node.
 */
public record Node(String id, String type, Map<String, Object> params, double x, double y, Graph body) {
    /**
     * The reserved parameter that freezes a layer: {@code false} keeps its weights as they are while the rest of the
     * network trains (fine-tuning, a frozen feature extractor). It belongs to no layer spec, so it never changes a
     * shape.
     */
    public static final String TRAINABLE = "trainable";

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
    }

    /** A plain node without a body. */
    public Node(String id, String type, Map<String, Object> params, double x, double y) {
        this(id, type, params, x, y, null);
    }

    /** False when the layer is frozen (its weights do not train); true by default. */
    public boolean trainable() {
        return !Boolean.FALSE.equals(params.get(TRAINABLE)) && !"false".equals(String.valueOf(params.get(TRAINABLE)));
    }

    public Node withParam(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return new Node(id, type, copy, x, y, body);
    }

    public Node withParams(Map<String, Object> newParams) {
        return new Node(id, type, newParams, x, y, body);
    }

    public Node at(double newX, double newY) {
        return new Node(id, type, params, newX, newY, body);
    }

    /** The same node standing for another subgraph. */
    public Node withBody(Graph newBody) {
        return new Node(id, type, params, x, y, newBody);
    }
}
