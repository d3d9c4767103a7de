package org.netwright.model.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * The exposed ports of a composite node, read from its body: each {@code composite_input} node in the
 * body is one input port and each {@code composite_output} node one output port, named by its
 * {@code port} parameter, in the body's node order.
 */
public final class CompositePorts {
    public static final String COMPOSITE = "composite";
    public static final String INPUT = "composite_input";
    public static final String OUTPUT = "composite_output";
    /** The placeholder parameter holding the exposed port's name. */
    public static final String PORT = "port";

    private CompositePorts() {
    }

    public static boolean isComposite(Node node) {
        return COMPOSITE.equals(node.type());
    }

    /** True for the nodes that stand for a composite's ports inside its body. */
    public static boolean isPlaceholder(Node node) {
        return INPUT.equals(node.type()) || OUTPUT.equals(node.type());
    }

    /** Input port names of a composite node; none when it has no body. */
    public static List<String> inputs(Node composite) {
        return names(inputNodes(composite.body()));
    }

    /** Output port names of a composite node; none when it has no body. */
    public static List<String> outputs(Node composite) {
        return names(outputNodes(composite.body()));
    }

    public static List<Node> inputNodes(Graph body) {
        return placeholders(body, INPUT);
    }

    public static List<Node> outputNodes(Graph body) {
        return placeholders(body, OUTPUT);
    }

    /** The exposed port a placeholder stands for; "in" or "out" when its parameter is not set. */
    public static String portOf(Node placeholder) {
        Object port = placeholder.params().get(PORT);
        if (port != null) {
            return port.toString();
        }
        return INPUT.equals(placeholder.type()) ? "in" : "out";
    }

    /** The body's placeholder that stands for port {@code port} of the given kind, or null. */
    public static Node placeholder(Graph body, String kind, String port) {
        for (Node n : placeholders(body, kind)) {
            if (portOf(n).equals(port)) {
                return n;
            }
        }
        return null;
    }

    private static List<Node> placeholders(Graph body, String type) {
        List<Node> out = new ArrayList<>();
        if (body != null) {
            for (Node n : body.nodes().values()) {
                if (type.equals(n.type())) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private static List<String> names(List<Node> placeholders) {
        return placeholders.stream().map(CompositePorts::portOf).toList();
    }
}
