package org.netwright.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/**
 * {@code train --dropout P}: one run with every Dropout layer's rate set to P (what {@code sweep --param dropout=...}
 * varies). The project's graph is not changed; the run's stored settings note the rate, so {@code runs --diff}
 * shows it.
 */
final class DropoutFlag {
    static final String FLAG = "--dropout";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DropoutFlag() {
    }

    /** The rate asked for, if any, checked to be in [0, 0.99]. */
    static Optional<Double> rate(Args args) {
        return args.value(FLAG).map(text -> {
            try {
                double p = Double.parseDouble(text);
                if (p >= 0 && p <= 0.99) {
                    return p;
                }
            } catch (NumberFormatException e) {
                // Said below.
            }
            throw new UsageException(FLAG + " is a dropout rate from 0 to 0.99; got '" + text + "'");
        });
    }

    /** The source with every top-level Dropout layer's rate set, when {@code --dropout} is given. */
    static Source apply(Args args, Source source) {
        Optional<Double> rate = rate(args);
        if (rate.isEmpty()) {
            return source;
        }
        Graph g = source.graph();
        int changed = 0;
        for (Node n : source.graph().nodes().values()) {
            if (n.type().equals("dropout")) {
                g = g.withNode(n.withParam("rate", rate.get()));
                changed++;
            }
        }
        if (changed == 0) {
            throw new UsageException(FLAG + " sets the rate of the graph's Dropout layers, and " + source.name()
                    + " has none");
        }
        return new Source(source.name(), g, source.settings(), source.projectFile());
    }

    /** The run's settings JSON with {@code "dropout": P} added when {@code --dropout} is given. */
    static String note(Args args, String settingsJson) {
        Optional<Double> rate = rate(args);
        if (rate.isEmpty()) {
            return settingsJson;
        }
        try {
            ObjectNode o = (ObjectNode) MAPPER.readTree(settingsJson);
            o.put("dropout", rate.get());
            return o.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException | ClassCastException e) {
            return settingsJson;
        }
    }
}
