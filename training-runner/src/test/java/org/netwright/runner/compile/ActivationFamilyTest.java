package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netwright.runner.compile.Chains.assertLossFalls;
import static org.netwright.runner.compile.Chains.chain;
import static org.netwright.runner.compile.Graphs.node;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netwright.model.graph.Graph;

/** The activations added for the full palette: shapes and counts, each one's equation, and training through each. */
class ActivationFamilyTest {
    private static final double SELU_LAMBDA = 1.0507009873554805;
    private static final double SELU_ALPHA = 1.6732632423543772;

    static Stream<LayerCase> cases() {
        return Stream.of(
                new LayerCase("leaky_relu", Map.of("slope", 0.2), List.of(LayerCase.vector(7))),
                new LayerCase("prelu", Map.of(), List.of(LayerCase.image(3, 4, 5))),
                new LayerCase("prelu", Map.of("per_channel", true), List.of(LayerCase.image(3, 4, 5))),
                new LayerCase("prelu", Map.of("per_channel", true), List.of(LayerCase.vector(7))),
                new LayerCase("elu", Map.of("alpha", 0.5), List.of(LayerCase.vector(7))),
                new LayerCase("selu", Map.of(), List.of(LayerCase.image(3, 4, 5))),
                new LayerCase("gelu", Map.of(), List.of(LayerCase.vector(7))),
                new LayerCase("silu", Map.of(), List.of(LayerCase.vector(7))),
                new LayerCase("log_softmax", Map.of(), List.of(LayerCase.vector(7))),
                new LayerCase("softmax", Map.of("temperature", 2.5), List.of(LayerCase.vector(7))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inferredShapeAndParamsEqualDjls(LayerCase c) {
        ShapeAgreement.check(c);
    }

    /** Element-wise activations and the textbook formula each must follow. */
    static Stream<Arguments> formulas() {
        return Stream.of(
                Arguments.of("leaky_relu", Map.of("slope", 0.2), (DoubleUnaryOperator) x -> x > 0 ? x : 0.2 * x),
                Arguments.of("elu", Map.of("alpha", 0.5), (DoubleUnaryOperator) x -> x > 0 ? x : 0.5 * Math.expm1(x)),
                Arguments.of("selu", Map.of(),
                        (DoubleUnaryOperator) x -> SELU_LAMBDA * (x > 0 ? x : SELU_ALPHA * Math.expm1(x))),
                Arguments.of("silu", Map.of(), (DoubleUnaryOperator) x -> x / (1 + Math.exp(-x))),
                // Exact GELU is x·Φ(x); Java has no erf, so compare with the tanh form, within its known 1e-3 error.
                Arguments.of("gelu", Map.of(), (DoubleUnaryOperator) x ->
                        0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)))),
                Arguments.of("prelu", Map.of(), (DoubleUnaryOperator) x -> x > 0 ? x : 0.25 * x));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formulas")
    void followsItsEquation(String type, Map<String, Object> params, DoubleUnaryOperator f) {
        float[] in = {-3f, -1.5f, -0.2f, 0f, 0.3f, 1f, 2.5f};
        float[] out = forward(type, params, in, new Shape(1, 7));
        double tolerance = type.equals("gelu") ? 1e-3 : 1e-5;
        for (int i = 0; i < in.length; i++) {
            assertEquals(f.applyAsDouble(in[i]), out[i], tolerance, type + " at " + in[i]);
        }
    }

    @Test
    void logSoftmaxIsXMinusLogSumExpOfTheLastAxis() {
        float[] in = {1f, 2f, 4f, -1f, 0f, 3f};
        float[] out = forward("log_softmax", Map.of(), in, new Shape(2, 3));
        for (int row = 0; row < 2; row++) {
            double sum = 0;
            for (int j = 0; j < 3; j++) {
                sum += Math.exp(in[row * 3 + j]);
            }
            for (int j = 0; j < 3; j++) {
                assertEquals(in[row * 3 + j] - Math.log(sum), out[row * 3 + j], 1e-5);
            }
        }
    }

    @Test
    void softmaxWithATemperatureIsTheSoftmaxOfTheScoresDividedByIt() {
        float[] in = {1f, 2f, 4f};
        float[] out = forward("softmax", Map.of("temperature", 2.0), in, new Shape(1, 3));
        double sum = Math.exp(0.5) + Math.exp(1) + Math.exp(2);
        assertEquals(Math.exp(0.5) / sum, out[0], 1e-6);
        assertEquals(Math.exp(1) / sum, out[1], 1e-6);
        assertEquals(Math.exp(2) / sum, out[2], 1e-6);
    }

    @Test
    void aFinalSoftmaxSkippedForTrainingLeavesScoresOverTAndPredictsWithItsTemperature() {
        GraphBlock block = GraphCompiler.compile(chain(LayerCase.vector(3),
                node("p", "softmax", Map.of("temperature", 4.0))), true);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1f, -2f, 8f}).reshape(1, 3);
            block.initialize(m, DataType.FLOAT32, x.getShape());
            ParameterStore ps = new ParameterStore(m, false);
            NDArray scores = block.forward(ps, new NDList(x), false).singletonOrThrow();
            assertTrue(scores.allClose(x.div(4f)));
            assertTrue(block.predict(ps, new NDList(x)).singletonOrThrow().allClose(x.div(4f).softmax(-1)));
        }
    }

    @Test
    void perChannelPReluUsesEachChannelsOwnSlope() {
        Graph g = chain(LayerCase.image(2, 1, 2), node("layer", "prelu", Map.of("per_channel", true)));
        GraphBlock block = GraphCompiler.compile(g);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {-2f, 3f, -4f, 5f}).reshape(1, 2, 1, 2);
            block.initialize(m, DataType.FLOAT32, x.getShape());
            block.weightedNodes().get("layer").getParameters().get("weight").getArray().set(new float[] {0.5f, -0.1f});
            float[] out = block.forward(new ParameterStore(m, false), new NDList(x), false)
                    .singletonOrThrow().toFloatArray();
            // y = max(0, x) + a_c·min(0, x) with a = (0.5, -0.1) for channels 0 and 1.
            assertEquals(-1f, out[0], 1e-6);
            assertEquals(3f, out[1], 1e-6);
            assertEquals(0.4f, out[2], 1e-6);
            assertEquals(5f, out[3], 1e-6);
        }
    }

    private static float[] forward(String type, Map<String, Object> params, float[] values, Shape shape) {
        Graph g = chain(LayerCase.input("x", "sequence_input", Map.of("steps", (int) shape.get(0),
                "features", (int) shape.get(1))), node("layer", type, params));
        GraphBlock block = GraphCompiler.compile(g);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(values).reshape(new Shape(1, shape.get(0), shape.get(1)));
            block.initialize(m, DataType.FLOAT32, x.getShape());
            return block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().toFloatArray();
        }
    }

    static Stream<Arguments> trainable() {
        return Stream.of(
                Arguments.of("leaky_relu", Map.of("slope", 0.1)),
                Arguments.of("prelu", Map.of("per_channel", true)),
                Arguments.of("elu", Map.of()),
                Arguments.of("selu", Map.of()),
                Arguments.of("gelu", Map.of()),
                Arguments.of("silu", Map.of()),
                Arguments.of("log_softmax", Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trainable")
    void aSmallNetworkThroughItLearns(String type, Map<String, Object> params) {
        Graph g = chain(LayerCase.vector(4), node("d1", "dense", Map.of("units", 8)), node("act", type, params),
                node("d2", "dense", Map.of("units", 3)));
        assertLossFalls(g, m -> new NDList(m.randomNormal(new Shape(16, 4))), m -> m.arange(16f).mod(3),
                Loss.softmaxCrossEntropyLoss(), 0.03f);
    }

    @Test
    void thePReluSlopeItselfLearns() {
        // Nothing but the slope (starting at 0.25) can fit y = max(0, x) + 0.5·min(0, x).
        Graph g = chain(LayerCase.vector(5), node("p", "prelu", Map.of()));
        assertLossFalls(g, m -> new NDList(inputsForSlope(m)),
                m -> inputsForSlope(m).maximum(0).add(inputsForSlope(m).minimum(0).mul(0.5f)), Loss.l2Loss(), 0.05f);
    }

    private static NDArray inputsForSlope(NDManager m) {
        return m.arange(-80f, 80f).div(20f).reshape(32, 5);
    }
}
