package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netwright.runner.compile.Graphs.edge;
import static org.netwright.runner.compile.Graphs.node;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.ShapeInference;

/** RNN, LSTM and GRU: shapes and PyTorch parameter counts, values against the textbook equations, and training. */
class RecurrentLayersTest {

    static Node sequence(int steps, int features) {
        return LayerCase.input("in_s" + steps + "x" + features, "sequence_input",
                Map.of("steps", steps, "features", features));
    }

    /** The recurrent family's shape-agreement cases. */
    static Stream<LayerCase> cases() {
        Node seq = sequence(6, 3);
        return Stream.of(
                new LayerCase("lstm", Map.of("hidden", 5), List.of(seq)),
                new LayerCase("lstm", Map.of("hidden", 5, "return_sequences", true), List.of(seq)),
                new LayerCase("lstm", Map.of("hidden", 4, "layers", 2, "bidirectional", true, "dropout", 0.2),
                        List.of(seq)),
                new LayerCase("lstm", Map.of("hidden", 4, "layers", 3, "bidirectional", true,
                        "return_sequences", true), List.of(seq)),
                new LayerCase("gru", Map.of("hidden", 5), List.of(seq)),
                new LayerCase("gru", Map.of("hidden", 4, "layers", 2, "bidirectional", true,
                        "return_sequences", true), List.of(seq)),
                new LayerCase("rnn", Map.of("hidden", 5, "return_sequences", true), List.of(seq)),
                new LayerCase("rnn", Map.of("hidden", 4, "activation", "relu", "layers", 2, "bidirectional", true),
                        List.of(seq)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inferredShapeAndParamsEqualDjls(LayerCase c) {
        ShapeAgreement.check(c);
    }

    private static Graph single(String type, Map<String, Object> params, int steps, int features) {
        return Graph.of(List.of(node("input", "sequence_input", Map.of("steps", steps, "features", features)),
                node("rnn", type, params)), List.of(edge("input", "rnn", "in")));
    }

    private static long djlParams(Graph g, int steps, int features) {
        GraphBlock block = GraphCompiler.compile(g);
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, new ai.djl.ndarray.types.Shape(1, steps, features));
            return block.getParameters().values().stream().mapToLong(p -> p.getArray().getShape().size()).sum();
        }
    }

    @ParameterizedTest(name = "{0} bidirectional={1}: {2}")
    @CsvSource({"lstm, false, 220160", "lstm, true, 440320", "gru, false, 165120", "gru, true, 330240",
                "rnn, false, 55040"})
    void parameterCountsEqualPyTorchs(String type, boolean bidirectional, long expected) {
        Graph g = single(type, Map.of("hidden", 128, "bidirectional", bidirectional), 2, 300);
        assertEquals(expected, ShapeInference.infer(g).totalParams());
        assertEquals(expected, djlParams(g, 2, 300));
    }

    @Test
    void twoLayersCountTheSecondLayerOnTheFirstLayersWidth() {
        // PyTorch nn.LSTM(10, 20, num_layers=2, bidirectional=True): 4·20·(10+20+2)·2 + 4·20·(40+20+2)·2 = 15,040.
        Graph g = single("lstm", Map.of("hidden", 20, "layers", 2, "bidirectional", true), 3, 10);
        assertEquals(15_040, ShapeInference.infer(g).totalParams());
        assertEquals(15_040, djlParams(g, 3, 10));
    }

    @Test
    void anLstmFedAnImageIsDiagnosedNamingBothShapes() {
        Graph g = Graph.of(List.of(node("input", "image_input", Map.of("channels", 3, "height", 8, "width", 8)),
                node("rnn", "lstm", Map.of())), List.of(edge("input", "rnn", "in")));
        GraphShapes shapes = ShapeInference.infer(g);
        assertEquals(List.of("rnn (LSTM) expects a sequence T×F, but got an image 3×8×8"), shapes.problems());
    }

    /** The DJL block's weights for one layer and direction, read back in PyTorch's layout. */
    private static RecurrentReference.Weights weights(RecurrentStack stack, int layer, boolean backwards, int hidden) {
        Block b = stack.direction(layer, backwards);
        ParameterList p = b.getParameters();
        return new RecurrentReference.Weights(p.get("l_0_i2h_WEIGHT").getArray().toFloatArray(),
                p.get("l_0_h2h_WEIGHT").getArray().toFloatArray(), p.get("l_0_i2h_BIAS").getArray().toFloatArray(),
                p.get("l_0_h2h_BIAS").getArray().toFloatArray(), hidden);
    }

    private static double[][] reversed(double[][] x) {
        double[][] r = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            r[t] = x[x.length - 1 - t];
        }
        return r;
    }

    /** Stacked, bidirectional reference: each layer joins [forward, backward] per step, as the runner does. */
    private static double[][] reference(String kind, RecurrentStack stack, int layers, int hidden, double[][] x) {
        double[][] seq = x;
        for (int l = 0; l < layers; l++) {
            double[][] f = RecurrentReference.run(kind, weights(stack, l, false, hidden), seq);
            double[][] b = reversed(RecurrentReference.run(kind, weights(stack, l, true, hidden), reversed(seq)));
            double[][] joined = new double[seq.length][2 * hidden];
            for (int t = 0; t < seq.length; t++) {
                System.arraycopy(f[t], 0, joined[t], 0, hidden);
                System.arraycopy(b[t], 0, joined[t], hidden, hidden);
            }
            seq = joined;
        }
        return seq;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lstm", "gru", "rnn"})
    void stackedBidirectionalOutputsMatchTheTextbookEquations(String kind) {
        int steps = 5;
        int features = 3;
        int hidden = 4;
        Graph g = single(kind, Map.of("hidden", hidden, "layers", 2, "bidirectional", true, "return_sequences", true),
                steps, features);
        GraphBlock block = GraphCompiler.compile(g);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new ai.djl.ndarray.types.Shape(2, steps, features));
            block.initialize(m, DataType.FLOAT32, x.getShape());
            float[] out = block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow()
                    .toFloatArray();
            RecurrentStack stack = (RecurrentStack) block.weightedNodes().get("rnn");
            float[] xs = x.toFloatArray();
            double worst = 0;
            for (int s = 0; s < 2; s++) {
                double[][] seq = new double[steps][features];
                for (int t = 0; t < steps; t++) {
                    for (int f = 0; f < features; f++) {
                        seq[t][f] = xs[(s * steps + t) * features + f];
                    }
                }
                double[][] expected = reference(kind, stack, 2, hidden, seq);
                for (int t = 0; t < steps; t++) {
                    for (int j = 0; j < 2 * hidden; j++) {
                        worst = Math.max(worst, Math.abs(expected[t][j] - out[(s * steps + t) * 2 * hidden + j]));
                    }
                }
            }
            assertTrue(worst < 1e-5, kind + " largest difference " + worst);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"lstm", "gru"})
    void lastStateIsTheForwardEndAndTheBackwardStart(String kind) {
        int steps = 4;
        int hidden = 3;
        Map<String, Object> common = Map.of("hidden", hidden, "bidirectional", true);
        Graph last = single(kind, common, steps, 2);
        Map<String, Object> seqParams = new HashMap<>(common);
        seqParams.put("return_sequences", true);
        GraphBlock lastBlock = GraphCompiler.compile(last);
        GraphBlock seqBlock = GraphCompiler.compile(single(kind, seqParams, steps, 2));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new ai.djl.ndarray.types.Shape(3, steps, 2));
            lastBlock.initialize(m, DataType.FLOAT32, x.getShape());
            seqBlock.initialize(m, DataType.FLOAT32, x.getShape());
            // Same weights in both blocks, so the final state can be read off the full sequence.
            var from = lastBlock.getParameters();
            var to = seqBlock.getParameters();
            for (int i = 0; i < from.size(); i++) {
                to.get(i).getValue().getArray().set(from.get(i).getValue().getArray().toFloatArray());
            }
            ParameterStore ps = new ParameterStore(m, false);
            NDArray h = lastBlock.forward(ps, new NDList(x), false).singletonOrThrow();
            NDArray all = seqBlock.forward(ps, new NDList(x), false).singletonOrThrow();
            NDArray expected = all.get(":, -1, 0:" + hidden).concat(all.get(":, 0, " + hidden + ":"), 1);
            assertTrue(h.allClose(expected, 1e-6, 1e-6, false), h + " vs " + expected);
        }
    }

    /** Sequences of 8 normal numbers; the class says whether their sum is positive. */
    private static float[][] signOfSum(int n, int steps, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * steps];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int t = 0; t < steps; t++) {
                x[i * steps + t] = (float) r.nextGaussian();
                sum += x[i * steps + t];
            }
            y[i] = sum > 0 ? 1 : 0;
        }
        return new float[][] {x, y};
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"lstm, 2, false", "gru, 1, true", "rnn, 1, true"})
    void learnsTheSignOfASum(String kind, int layers, boolean bidirectional) {
        int steps = 8;
        float[][] data = signOfSum(64, steps, 3);
        Graph g = Graph.of(List.of(node("input", "sequence_input", Map.of("steps", steps, "features", 1)),
                        node("rnn", kind, Map.of("hidden", 8, "layers", layers, "bidirectional", bidirectional)),
                        node("head", "dense", Map.of("units", 2))),
                List.of(edge("input", "rnn", "in"), edge("rnn", "head", "in")));
        List<Float> losses = LayerTraining.fit(g,
                m -> new NDList(m.create(data[0], new ai.djl.ndarray.types.Shape(64, steps, 1))),
                m -> m.create(data[1]), Loss.softmaxCrossEntropyLoss(), 40, 0.03f);
        float first = losses.get(0);
        float last = losses.get(losses.size() - 1);
        assertTrue(last < 0.5f * first, kind + " losses " + first + " -> " + last);
    }
}
