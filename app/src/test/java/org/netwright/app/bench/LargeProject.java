package org.netwright.app.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

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

    /** Writes the project (its run as {@link org.netwright.runner.bench.GraphScale#writeProject} writes runs). */
    public static long write(Path file, int nodeCount, int steps) {
        return org.netwright.runner.bench.GraphScale.writeProject(file, chain(nodeCount), steps);
    }
}
