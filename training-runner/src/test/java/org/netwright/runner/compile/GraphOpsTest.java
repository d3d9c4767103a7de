package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.runner.run.MaskedNodeLoss;

/** The graph layers: shapes and parameters agree with the runner, values match the textbook equations, and they learn. */
class GraphOpsTest {
    private static final int BATCH = 2;
    private static final int N = 6;
    private static final int F = 3;

    static Stream<LayerCase> cases() {
        return GraphCases.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inferredShapeAndParamsEqualDjls(LayerCase c) {
        ShapeAgreement.check(c);
    }

    /** graph_input (N×F) → layer on both ports (only features for a readout). */
    static Graph oneLayer(String type, Map<String, Object> params) {
        List<Edge> edges = type.equals("graph_readout")
                ? List.of(Edge.of("g", "features", "layer", "features"))
                : List.of(Edge.of("g", "features", "layer", "features"), Edge.of("g", "adjacency", "layer", "adjacency"));
        return Graph.of(List.of(new Node("g", "graph_input", Map.of("nodes", N, "features", F), 0, 0),
                new Node("layer", type, params, 0, 0)), edges);
    }

    /** A random symmetric 0/1 adjacency per graph with an isolated last node, so that degree 0 is exercised too. */
    static float[] adjacency(int batch, int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[batch * n * n];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < n - 1; i++) {
                for (int j = i + 1; j < n - 1; j++) {
                    if (r.nextDouble() < 0.5) {
                        a[b * n * n + i * n + j] = 1;
                        a[b * n * n + j * n + i] = 1;
                    }
                }
            }
        }
        return a;
    }

    /** Runs {@code type} on random features and a random adjacency; returns [features, adjacency, output] and the weights. */
    private record Run(float[] h, float[] a, float[] out, Map<String, float[]> weights) {
        double[][] h(int b) {
            return GraphReference.rows(h, b * N * F, N, F);
        }

        double[][] a(int b) {
            return GraphReference.rows(a, b * N * N, N, N);
        }

        double[][] w(String name, int rows, int cols) {
            return GraphReference.rows(weights.get(name), 0, rows, cols);
        }

        double[] bias() {
            float[] b = weights.get("bias");
            if (b == null) {
                return null;
            }
            double[] out = new double[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = b[i];
            }
            return out;
        }
    }

    private static Run run(String type, Map<String, Object> params) {
        GraphBlock block = GraphCompiler.compile(oneLayer(type, params));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray h = m.randomNormal(new Shape(BATCH, N, F));
            NDArray a = m.create(adjacency(BATCH, N, 11), new Shape(BATCH, N, N));
            block.initialize(m, DataType.FLOAT32, h.getShape(), a.getShape());
            // Non-zero biases, so that a bias added in the wrong place shows.
            Block layer = block.weightedNodes().get("layer");
            Map<String, float[]> weights = new java.util.HashMap<>();
            if (layer != null) {
                layer.getParameters().forEach(p -> {
                    if (p.getKey().equals("bias")) {
                        p.getValue().getArray().set(m.randomNormal(p.getValue().getArray().getShape()).toFloatArray());
                    }
                    weights.put(p.getKey(), p.getValue().getArray().toFloatArray());
                });
            }
            NDArray out = block.forward(new ParameterStore(m, false), new NDList(h, a), false).singletonOrThrow();
            return new Run(h.toFloatArray(), a.toFloatArray(), out.toFloatArray(), weights);
        }
    }

    private static void assertClose(double[][] expected, float[] actual, int offset, String what) {
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                worst = Math.max(worst, Math.abs(expected[i][j] - actual[offset + i * expected[i].length + j]));
            }
        }
        assertTrue(worst < 1e-5, what + ": largest difference " + worst);
    }

    @ParameterizedTest(name = "self loops {0}")
    @ValueSource(booleans = {true, false})
    void gcnMatchesTheTextbookEquation(boolean selfLoops) {
        Run r = run("gcn", Map.of("units", 4, "self_loops", selfLoops));
        for (int b = 0; b < BATCH; b++) {
            double[][] expected = GraphReference.gcn(r.h(b), r.a(b), r.w("weight", F, 4), r.bias(), selfLoops);
            assertClose(expected, r.out(), b * N * 4, "gcn graph " + b);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"concat", "mean"})
    void gatMatchesTheTextbookEquation(String combine) {
        int units = 4;
        int heads = 3;
        Run r = run("gat", Map.of("units", units, "heads", heads, "combine", combine));
        int width = combine.equals("concat") ? units * heads : units;
        for (int b = 0; b < BATCH; b++) {
            double[][] expected = GraphReference.gat(r.h(b), r.a(b), r.w("weight", F, units * heads),
                    r.w("att_i", heads, units), r.w("att_j", heads, units), r.bias(), heads, units,
                    combine.equals("concat"), 0.2);
            assertClose(expected, r.out(), b * N * width, "gat graph " + b);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sum", "mean", "max"})
    void messagePassingMatchesTheGeneralForm(String aggregation) {
        Run r = run("message_passing", Map.of("units", 5, "aggregation", aggregation, "activation", "tanh"));
        for (int b = 0; b < BATCH; b++) {
            double[][] expected = GraphReference.messagePassing(r.h(b), r.a(b), r.w("self_weight", F, 5),
                    r.w("message_weight", F, 5), r.bias(), aggregation, "tanh");
            assertClose(expected, r.out(), b * N * 5, aggregation + " graph " + b);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sum", "mean", "max"})
    void readoutPoolsEveryFeatureOverTheNodes(String mode) {
        Run r = run("graph_readout", Map.of("mode", mode));
        for (int b = 0; b < BATCH; b++) {
            double[][] h = r.h(b);
            double[][] expected = new double[1][F];
            for (int f = 0; f < F; f++) {
                double acc = mode.equals("max") ? Double.NEGATIVE_INFINITY : 0;
                for (double[] row : h) {
                    acc = mode.equals("max") ? Math.max(acc, row[f]) : acc + row[f];
                }
                expected[0][f] = mode.equals("mean") ? acc / N : acc;
            }
            assertClose(expected, r.out(), b * F, mode + " graph " + b);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sum", "mean", "max"})
    void maskedReadoutPoolsOnlyTheRealNodes(String mode) {
        Graph graph = Graph.of(List.of(new Node("g", "graph_input", Map.of("nodes", N, "features", F, "mask", true), 0, 0),
                        new Node("layer", "graph_readout", Map.of("mode", mode, "masked", true), 0, 0)),
                List.of(Edge.of("g", "features", "layer", "features"), Edge.of("g", "mask", "layer", "mask")));
        GraphBlock block = GraphCompiler.compile(graph);
        // Graph 0 has 4 real nodes, graph 1 all 6; the padded rows hold large values that must not leak in.
        int[] real = {4, N};
        float[] h = new float[BATCH * N * F];
        float[] mask = new float[BATCH * N];
        Random r = new Random(3);
        for (int b = 0; b < BATCH; b++) {
            for (int i = 0; i < N; i++) {
                mask[b * N + i] = i < real[b] ? 1 : 0;
                for (int f = 0; f < F; f++) {
                    h[(b * N + i) * F + f] = i < real[b] ? (float) r.nextGaussian() - 5 : 100;
                }
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDList in = new NDList(m.create(h, new Shape(BATCH, N, F)), m.create(new float[BATCH * N * N],
                    new Shape(BATCH, N, N)), m.create(mask, new Shape(BATCH, N)));
            block.initialize(m, DataType.FLOAT32, in.getShapes());
            float[] out = block.forward(new ParameterStore(m, false), in, false).singletonOrThrow().toFloatArray();
            for (int b = 0; b < BATCH; b++) {
                double[][] expected = new double[1][F];
                for (int f = 0; f < F; f++) {
                    double acc = mode.equals("max") ? Double.NEGATIVE_INFINITY : 0;
                    for (int i = 0; i < real[b]; i++) {
                        double v = h[(b * N + i) * F + f];
                        acc = mode.equals("max") ? Math.max(acc, v) : acc + v;
                    }
                    expected[0][f] = mode.equals("mean") ? acc / real[b] : acc;
                }
                assertClose(expected, out, b * F, mode + " graph " + b);
            }
        }
    }

    /** Eight small graphs whose nodes are labelled by a rule of their own and their neighbours' features. */
    private static NDList graphs(NDManager m) {
        return new NDList(m.randomNormal(0, 1, new Shape(8, N, F), DataType.FLOAT32),
                m.create(adjacency(8, N, 5), new Shape(8, N, N)));
    }

    /** Class 1 where a node's first feature plus its neighbours' first features is positive. */
    private static NDArray nodeLabels(NDManager m, NDList x) {
        NDArray first = x.get(0).get(":, :, 0");
        NDArray score = first.add(x.get(1).matMul(first.expandDims(2)).squeeze(2));
        return score.gt(0).toType(DataType.FLOAT32, false);
    }

    private static void assertLearns(Graph graph) {
        NDList[] x = new NDList[1];
        // Every node is labelled; the masked loss is simply the per-node cross-entropy that DJL's lacks for B×N×C.
        List<Float> losses = LayerTraining.fit(graph, m -> x[0] = graphs(m), m -> nodeLabels(m, x[0]),
                new MaskedNodeLoss(), 40, 0.02f);
        float first = losses.get(0);
        float last = losses.get(losses.size() - 1);
        assertTrue(last < 0.7f * first, "loss fell only from " + first + " to " + last);
    }

    /** graph_input → layer (hidden) → relu → gcn (2 classes per node). */
    private static Graph nodeClassifier(String type, Map<String, Object> params) {
        return Graph.of(List.of(new Node("g", "graph_input", Map.of("nodes", N, "features", F), 0, 0),
                        new Node("hidden", type, params, 0, 0), new Node("act", "relu", Map.of(), 0, 0),
                        new Node("head", "gcn", Map.of("units", 2), 0, 0)),
                List.of(Edge.of("g", "features", "hidden", "features"), Edge.of("g", "adjacency", "hidden", "adjacency"),
                        Edge.of("hidden", "out", "act", "in"), Edge.of("act", "out", "head", "features"),
                        Edge.of("g", "adjacency", "head", "adjacency")));
    }

    @Test
    void gatLearnsANeighbourhoodRule() {
        assertLearns(nodeClassifier("gat", Map.of("units", 4, "heads", 2)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sum", "mean", "max"})
    void messagePassingLearnsANeighbourhoodRule(String aggregation) {
        assertLearns(nodeClassifier("message_passing", Map.of("units", 8, "aggregation", aggregation)));
    }

    @Test
    void readoutClassifiesWholeGraphs() {
        // Graph label: whether the sum of the first feature over the graph's nodes is positive.
        Graph graph = Graph.of(List.of(new Node("g", "graph_input", Map.of("nodes", N, "features", F), 0, 0),
                        new Node("mp", "message_passing", Map.of("units", 8), 0, 0),
                        new Node("pool", "graph_readout", Map.of("mode", "sum"), 0, 0),
                        new Node("out", "dense", Map.of("units", 2), 0, 0)),
                List.of(Edge.of("g", "features", "mp", "features"), Edge.of("g", "adjacency", "mp", "adjacency"),
                        Edge.of("mp", "out", "pool", "features"), Edge.of("pool", "out", "out", "in")));
        NDList[] x = new NDList[1];
        List<Float> losses = LayerTraining.fit(graph, m -> x[0] = graphs(m),
                m -> x[0].get(0).get(":, :, 0").sum(new int[] {1}).gt(0).toType(DataType.FLOAT32, false),
                Loss.softmaxCrossEntropyLoss(), 40, 0.02f);
        assertTrue(losses.get(losses.size() - 1) < 0.7f * losses.get(0), losses.toString());
    }
}
