package org.netwright.runner.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.netwright.model.command.GraphCommand;
import org.netwright.model.command.MoveNodes;
import org.netwright.model.command.SetParam;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.json.GraphJson;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.ShapeInference;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.store.StepSeries;

/**
 * Times what the editor does with large graphs: reading a graph file and inferring its shapes, and one edit
 * followed by incremental shape inference. The graphs are residual stacks of Dense, ReLU and Add, each block
 * feeding the next, so every node has a real shape and merges join two branches. Also the parts of opening a large
 * project that need no window: the file's check, the graph and its shapes, and reading its last run's curve.
 */
public final class GraphScale {
    /** One timing: what was timed, on how many nodes, the median and the slowest of the repeats, in milliseconds. */
    public record Timing(String what, int nodes, double medianMs, double maxMs, int repeats) {
    }

    private GraphScale() {
    }

    /** A valid graph of about {@code nodes} nodes: an input, then blocks of dense, relu and add (a skip connection). */
    public static Graph residualStack(int nodes) {
        Graph.Builder b = Graph.builder();
        b.node(new Node("input", "vector_input", Map.of("features", 16), 40, 200));
        String last = "input";
        int blocks = Math.max(1, (nodes - 1) / 3);
        for (int i = 1; i <= blocks; i++) {
            double x = 40 + i * 750.0;
            String dense = "dense_" + i;
            String relu = "relu_" + i;
            String add = "add_" + i;
            b.node(new Node(dense, "dense", Map.of("units", 16), x, 200));
            b.node(new Node(relu, "relu", Map.of(), x + 250, 200));
            b.node(new Node(add, "add", Map.of(), x + 500, 200));
            b.connect(Edge.of(last, "out", dense, "in"));
            b.connect(Edge.of(dense, "out", relu, "in"));
            b.connect(Edge.of(relu, "out", add, "in1"));
            b.connect(Edge.of(last, "out", add, "in2"));
            last = add;
        }
        return b.build();
    }

    /** Reading the graph's JSON text and inferring every shape, as opening a project does. */
    public static Timing load(int nodes, int repeats) {
        Graph graph = residualStack(nodes);
        String json = GraphJson.write(graph);
        return time("read JSON + infer shapes", graph.nodes().size(), repeats, () -> {
            Graph read = GraphJson.read(json);
            GraphShapes shapes = ShapeInference.infer(read);
            if (!shapes.isValid()) {
                throw new IllegalStateException("the benchmark graph should be valid: " + shapes.firstProblem());
            }
            return shapes;
        });
    }

    /**
     * One parameter edit in the middle of the graph and the incremental inference that follows it. The edit flips a
     * Dense layer's units between 16 and 17, so the Add after it turns red and back and every later node is
     * inferred again: the worst case for an edit there.
     */
    public static Timing editParam(int nodes, int repeats) {
        Graph graph = residualStack(nodes);
        String target = "dense_" + Math.max(1, (nodes / 3) / 2);
        return editTiming("edit a parameter + incremental shapes", graph, repeats,
                (g, i) -> SetParam.of(g, target, "units", 16 + ((i + 1) % 2)));
    }

    /** One node moved (the end of a drag) and the incremental inference that follows it. */
    public static Timing move(int nodes, int repeats) {
        Graph graph = residualStack(nodes);
        String target = "relu_" + Math.max(1, (nodes / 3) / 2);
        return editTiming("move a node + incremental shapes", graph, repeats,
                (g, i) -> new MoveNodes(List.of(target), 10, i % 2 == 0 ? 5 : -5));
    }

    /** Full shape inference of the graph, for comparison with the incremental one. */
    public static Timing inferAll(int nodes, int repeats) {
        Graph graph = residualStack(nodes);
        return time("infer all shapes (not incremental)", graph.nodes().size(), repeats,
                () -> ShapeInference.infer(graph));
    }

    private interface Edit {
        GraphCommand make(Graph current, int i);
    }

    private static Timing editTiming(String what, Graph start, int repeats, Edit edit) {
        Graph[] graph = {start};
        GraphShapes[] shapes = {ShapeInference.infer(start)};
        int[] i = {0};
        return time(what, start.nodes().size(), repeats, () -> {
            GraphCommand c = edit.make(graph[0], i[0]++);
            Graph next = c.apply(graph[0]);
            shapes[0] = ShapeInference.update(graph[0], shapes[0], next);
            graph[0] = next;
            return shapes[0];
        });
    }

    /** Runs {@code work} a few times untimed (the JIT), then {@code repeats} times timed. */
    private static Timing time(String what, int nodes, int repeats, Supplier<Object> work) {
        for (int i = 0; i < Math.min(3, repeats); i++) {
            work.get();
        }
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new Timing(what, nodes, sorted[repeats / 2], sorted[repeats - 1], repeats);
    }

    /** {@link #writeProject(Path, Graph, int)} of the residual stack of about {@code nodes} layers. */
    public static long writeProject(Path file, int nodes, int steps) {
        return writeProject(file, residualStack(nodes), steps);
    }

    /**
     * Writes a project of {@code graph} whose one finished run holds {@code steps} steps written as the runner writes
     * them (ProjectRecorder): the loss every step; validation loss and accuracy, learning rate and two gradient norms
     * at each of ten epochs' ends. Returns how many metric points the run holds. The app's bench.LargeProject writes
     * its 1,000-card chain with it too.
     */
    public static long writeProject(Path file, Graph graph, int steps) {
        int epochs = 10;
        int perEpoch = Math.max(1, steps / epochs);
        long points = 0;
        try (ProjectStore store = ProjectStore.create(file)) {
            store.saveGraph(graph, "a large project for timing");
            long run = store.startRun("{}", "cpu");
            List<MetricPoint> batch = new ArrayList<>();
            for (int s = 1; s <= steps; s++) {
                int epoch = Math.min(epochs, (s - 1) / perEpoch + 1);
                // A loss that falls and wobbles but stays a loss (never below 0), an accuracy that stays in [0, 1]:
                // the window shows the epochs' figures, and 101 % accuracy there was this writer's doing.
                double loss = 1.0 / Math.sqrt(s) + 0.025 * (1 + Math.sin(s * 0.01));
                batch.add(new MetricPoint(s, epoch, "train/loss", loss, s * 0.01));
                if (s % perEpoch == 0) {
                    batch.add(new MetricPoint(s, epoch, "validate/loss", loss * 1.1, s * 0.01));
                    batch.add(new MetricPoint(s, epoch, "validate/accuracy", Math.max(0, Math.min(1, 1 - loss)),
                            s * 0.01));
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

    /** Opening the project as the window does, up to its graph: the file's check, the graph read, every shape inferred. */
    public static Timing openProject(Path file, int repeats) {
        int[] nodes = {0};
        Timing t = time("open a project: check, graph, shapes", 0, repeats, () -> {
            try (ProjectStore store = ProjectStore.openForEditing(file)) {
                Graph graph = store.loadGraph();
                nodes[0] = graph.nodes().size();
                return ShapeInference.infer(graph);
            }
        });
        return new Timing(t.what(), nodes[0], t.medianMs(), t.maxMs(), t.repeats());
    }

    /**
     * Reading the project's last run as the window draws it: every step's loss as columns, and the epochs' values
     * (the prefixes the training panel draws; the window reads the same through {@code RunHistory.Stored}).
     */
    public static Timing readCurve(Path file, int repeats) {
        int[] nodes = {0};
        int[] steps = {0};
        Timing t;
        try (ProjectStore store = ProjectStore.openReadOnly(file)) {
            long run = store.runs().get(store.runs().size() - 1).id();
            nodes[0] = store.loadGraph().nodes().size();
            t = time("", 0, repeats, () -> {
                StepSeries losses = store.curve(run, "train/loss");
                steps[0] = losses.size();
                return store.metrics(run, List.of("train/", "validate/", "grad_norm/"), "train/loss");
            });
        }
        return new Timing(String.format(java.util.Locale.ROOT, "read its run's curve (%,d steps)", steps[0]), nodes[0],
                t.medianMs(), t.maxMs(), t.repeats());
    }

    /** The standard set: loading 1,000 and 10,000 nodes; edits on 500 nodes; a 1,000-layer, million-step project. */
    public static List<Timing> all() {
        List<Timing> out = new ArrayList<>();
        out.add(load(1_000, 10));
        out.add(load(10_000, 5));
        out.add(inferAll(500, 200));
        out.add(editParam(500, 200));
        out.add(move(500, 200));
        out.addAll(project(1_000, 1_000_000, 5));
        return out;
    }

    /** {@link #openProject} and {@link #readCurve} of a project {@link #writeProject} writes in a folder of its own. */
    public static List<Timing> project(int nodes, int steps, int repeats) {
        Path dir = TempFolder.make("netwright-bench-");
        Path file = dir.resolve("large.nwproj");
        try {
            writeProject(file, nodes, steps);
            return List.of(openProject(file, repeats), readCurve(file, repeats));
        } finally {
            TempFolder.deleteQuietly(dir);
        }
    }
}
