package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.ShapeInference;
import org.netwright.model.task.NetworkEnds;

/**
 * {@code train --width N}: one run with the units of every hidden Dense layer (a top-level Dense layer that is not an
 * output of the network, whose size the data fixes) set to N, what {@code sweep --param width=...} varies. The
 * project's graph is not changed; the run's stored settings note the width, so {@code runs --diff} shows it.
 */
final class WidthFlag {
    static final String FLAG = "--width";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WidthFlag() {
    }

    /** The width asked for, if any, checked to be a whole number from 1 to 100,000. */
    static Optional<Integer> width(Args args) {
        return args.intValue(FLAG, 1, 100_000);
    }

    /** The source with every hidden Dense layer's units set, when {@code --width} is given. */
    static Source apply(Args args, Source source) {
        Optional<Integer> width = width(args);
        if (width.isEmpty()) {
            return source;
        }
        Graph g = source.graph();
        Set<String> outputs = new HashSet<>();
        NetworkEnds.of(g).outputs().forEach(e -> outputs.add(e.nodeId()));
        int changed = 0;
        for (Node n : source.graph().nodes().values()) {
            if (n.type().equals("dense") && !outputs.contains(n.id())) {
                g = g.withNode(n.withParam("units", width.get()));
                changed++;
            }
        }
        if (changed == 0) {
            throw new UsageException(FLAG + " sets the units of the graph's hidden Dense layers, and " + source.name()
                    + " has none");
        }
        GraphShapes shapes = ShapeInference.infer(g);
        if (!shapes.isValid()) {
            throw new UsageException(FLAG + " " + width.get() + " does not fit " + source.name() + ": "
                    + shapes.problems().get(0));
        }
        return new Source(source.name(), g, source.settings(), source.projectFile());
    }

    /** The run's settings JSON with {@code "width": N} added when {@code --width} is given. */
    static String note(Args args, String settingsJson) {
        Optional<Integer> width = width(args);
        if (width.isEmpty()) {
            return settingsJson;
        }
        try {
            ObjectNode o = (ObjectNode) MAPPER.readTree(settingsJson);
            o.put("width", width.get());
            return o.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            return settingsJson;
        }
    }
}
