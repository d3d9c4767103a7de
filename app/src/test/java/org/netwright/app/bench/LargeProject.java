package org.netwright.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.ProjectStore;

/**
 * Writes a large project for measuring how fast the app opens one: a chain of dense and ReLU layers in rows of 25
 * cards and one finished run of {@code steps} steps written as the runner writes them: every step's training loss,
 * and at each of its ten epochs' ends the validation loss and accuracy, learning rate and two gradient norms.
 * {@code main(PATH [NODES [STEPS]])} writes one for a launch by hand; 1,000 nodes and 1,000,000 steps by default (a
 * million points of one curve: until November 2026 it wrote 250,000 steps of four per-step values, but the runner
 * keeps only the loss per step, so a real million-point run is a million steps).
 */
public final class LargeProject {
    private LargeProject() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        long t0 = System.nanoTime();
        long points = write(file, nodes, steps);
        System.out.printf("wrote %s: %d nodes, %d metric points in %.1f s%n", file, nodes, points,
                (System.nanoTime() - t0) / 1e9);
    }

    /** The chain graph of {@code count} nodes, 25 cards to a row. */
    public static Graph chain(int count) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(new Node("input", "vector_input", Map.of("features", 8), 0, 0));
        String last = "input";
        for (int i = 1; i < count; i++) {
            String id = (i % 2 == 1 ? "dense_" : "relu_") + i;
            nodes.add(new Node(id, i % 2 == 1 ? "dense" : "relu", i % 2 == 1 ? Map.of("units", 8) : Map.of(),
                    (i % 25) * 260, (i / 25) * 160));
            edges.add(Edge.of(last, "out", id, "in"));
            last = id;
        }
        Graph.Builder b = Graph.builder();
        nodes.forEach(b::node);
        edges.forEach(b::connect);
        return b.build();
    }

    /** Writes the project; returns how many metric points its run holds. */
    public static long write(Path file, int nodeCount, int steps) {
        int epochs = 10;
        int perEpoch = Math.max(1, steps / epochs);
        long points = 0;
        try (ProjectStore store = ProjectStore.create(file)) {
            store.saveGraph(chain(nodeCount), "large project for measuring");
            long run = store.startRun("{}", "cpu");
            List<MetricPoint> batch = new ArrayList<>();
            for (int s = 1; s <= steps; s++) {
                int epoch = Math.min(epochs, (s - 1) / perEpoch + 1);
                double loss = 1.0 / Math.sqrt(s) + 0.05 * Math.sin(s * 0.01);
                batch.add(new MetricPoint(s, epoch, "train/loss", loss, s * 0.01));
                if (s % perEpoch == 0) {
                    // What the runner writes at an epoch's end (ProjectRecorder): validation, learning rate, norms.
                    batch.add(new MetricPoint(s, epoch, "validate/loss", loss * 1.1, s * 0.01));
                    batch.add(new MetricPoint(s, epoch, "validate/accuracy", 1 - loss, s * 0.01));
                    batch.add(new MetricPoint(s, epoch, "lr", 0.001, s * 0.01));
                    batch.add(new MetricPoint(s, epoch, "grad_norm/dense_1", 0.5 / Math.sqrt(s), s * 0.01));
                    batch.add(new MetricPoint(s, epoch, "grad_norm/dense_3", 0.4 / Math.sqrt(s), s * 0.01));
                }
                if (batch.size() >= 20_000) {
                    store.appendMetrics(run, batch);
                    points += batch.size();
                    batch.clear();
                }
            }
            store.appendMetrics(run, batch);
            points += batch.size();
            store.finishRun(run, "completed", "{}");
        }
        return points;
    }
}
