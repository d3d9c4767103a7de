package org.netwright.app.project;

import java.util.List;
import java.util.Map;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.json.GraphJson;
import org.netwright.model.shape.ShapeInference;
import org.netwright.model.store.ProjectStore;

/**
 * Loads what opening the first project needs (SQLite's native library, the JSON reader, the layer catalog and shape
 * inference) on a background thread while the window is being built, so that the window's thread does not pay for
 * it when the project opens (in a JFR profile of a fresh window, 30 of the first opening's 65 samples there).
 */
public final class OpenWarmUp {
    private OpenWarmUp() {
    }

    /** Starts the warm-up on a daemon thread and returns at once. */
    public static void startInBackground() {
        Thread t = new Thread(OpenWarmUp::run, "netwright-open-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** The warm-up itself: reads and infers a two-layer graph and opens SQLite in memory; touches no file. */
    static void run() {
        ProjectStore.prepare();
        Graph tiny = Graph.of(List.of(new Node("input", "vector_input", Map.of("features", 2), 0, 0),
                new Node("dense", "dense", Map.of("units", 2), 260, 0)), List.of(Edge.of("input", "out", "dense", "in")));
        ShapeInference.infer(GraphJson.read(GraphJson.write(tiny)));
    }
}
