package org.netwright.model.store;

import java.nio.file.Path;
import java.util.Map;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/**
 * Child process of {@link CrashSafetyTest}: opens a project and saves one edit after another, printing
 * "committed N" (N = nodes in the saved graph) once each saveGraph has returned, until it is killed.
 */
public final class EditStreamWriter {
    /** Stops a forgotten child on its own; the test kills it long before. */
    private static final int MAX_EDITS = 100_000;

    private EditStreamWriter() {
    }

    public static void main(String[] args) {
        try (ProjectStore store = ProjectStore.open(Path.of(args[0]))) {
            Graph g = store.loadGraph();
            for (int edit = 0; edit < MAX_EDITS; edit++) {
                int n = g.nodes().size() + 1;
                g = g.withNode(new Node("n" + n, "relu", Map.of(), n, n));
                if (n > 1) {
                    g = g.connect(Edge.of("n" + (n - 1), "out", "n" + n, "in"));
                }
                store.saveGraph(g, "Add n" + n);
                System.out.println("committed " + n);
                System.out.flush();
            }
        }
    }
}
