package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.netwright.runner.compile.Chains.assertLossFalls;
import static org.netwright.runner.compile.Chains.chain;
import static org.netwright.runner.compile.Graphs.node;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** Conv1d, transposed conv, pooling and upsampling: shapes and counts against DJL, values against the definitions, training. */
class ConvolutionFamilyTest {
    private static final Node SIGNAL = LayerCase.input("signal", "sequence_input", Map.of("steps", 3, "features", 20));
    private static final Node IMAGE = LayerCase.image(3, 5, 6);

    static Stream<LayerCase> cases() {
        return Stream.of(
                new LayerCase("conv1d", Map.of("filters", 4, "kernel", 3, "padding", "same"), List.of(SIGNAL)),
                new LayerCase("conv1d", Map.of("filters", 6, "kernel", 3, "padding", "same", "groups", 3),
                        List.of(SIGNAL)),
                new LayerCase("conv1d", Map.of("filters", 4, "kernel", 5, "padding", "valid"), List.of(SIGNAL)),
                new LayerCase("conv1d", Map.of("filters", 2, "kernel", 4, "padding", "explicit", "pad", 1, "stride", 3),
                        List.of(SIGNAL)),
                new LayerCase("conv1d", Map.of("filters", 2, "kernel", 3, "padding", "same", "dilation", 2, "bias", false),
                        List.of(SIGNAL)),
                new LayerCase("conv_transpose2d", Map.of("filters", 2, "kernel", 4, "stride", 2, "pad", 1), List.of(IMAGE)),
                new LayerCase("conv_transpose2d", Map.of("filters", 2, "kernel", 3, "stride", 2, "pad", 0,
                        "output_padding", 1, "bias", false), List.of(IMAGE)),
                new LayerCase("conv_transpose2d", Map.of("filters", 1, "kernel", 2, "stride", 3, "pad", 2), List.of(IMAGE)),
                new LayerCase("conv_transpose2d", Map.of("filters", 4, "kernel", 3, "stride", 1, "pad", 1), List.of(IMAGE)),
                new LayerCase("max_pool1d", Map.of(), List.of(SIGNAL)),
                new LayerCase("max_pool1d", Map.of("kernel", 3, "stride", 2, "pad", 1), List.of(SIGNAL)),
                new LayerCase("avg_pool1d", Map.of(), List.of(SIGNAL)),
                new LayerCase("avg_pool1d", Map.of("kernel", 4, "stride", 3, "pad", 2), List.of(SIGNAL)),
                new LayerCase("avg_pool2d", Map.of(), List.of(IMAGE)),
                new LayerCase("avg_pool2d", Map.of("kernel", 3, "stride", 1, "pad", 1), List.of(IMAGE)),
                new LayerCase("global_avg_pool", Map.of(), List.of(IMAGE)),
                new LayerCase("global_avg_pool", Map.of(), List.of(SIGNAL)),
                new LayerCase("global_max_pool", Map.of(), List.of(IMAGE)),
                new LayerCase("global_max_pool", Map.of(), List.of(SIGNAL)),
                new LayerCase("upsample", Map.of(), List.of(IMAGE)),
                new LayerCase("upsample", Map.of("scale", 3, "mode", "bilinear"), List.of(IMAGE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inferredShapeAndParamsEqualDjls(LayerCase c) {
        ShapeAgreement.check(c);
    }

    private static NDArray forward(GraphBlock block, NDManager m, NDArray x) {
        block.initialize(m, DataType.FLOAT32, x.getShape());
        return block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
    }

    @Test
    void aFilterWithRowsOneZeroMinusOneOverOneToTwentyFiveGivesMinusSixEverywhere() {
        GraphBlock block = GraphCompiler.compile(chain(LayerCase.image(1, 5, 5),
                node("conv", "conv2d", Map.of("filters", 1, "kernel", 3, "padding", "valid", "bias", false))));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(1f, 26f).reshape(1, 1, 5, 5);
            forward(block, m, x);
            block.weightedNodes().get("conv").getParameters().get("weight").getArray()
                    .set(new float[] {1, 0, -1, 1, 0, -1, 1, 0, -1});
            NDArray out = forward(block, m, x);
            assertArrayEquals(new long[] {1, 1, 3, 3}, out.getShape().getShape());
            float[] minusSix = new float[9];
            Arrays.fill(minusSix, -6f);
            assertArrayEquals(minusSix, out.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void twoByTwoMaxPoolingOfTheExampleKeepsEachQuartersLargest() {
        GraphBlock block = GraphCompiler.compile(chain(LayerCase.image(1, 4, 4), node("pool", "max_pool2d", Map.of())));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 3, 2, 4, 5, 6, 1, 8, 2, 9, 3, 1, 4, 3, 7, 2}).reshape(1, 1, 4, 4);
            assertArrayEquals(new float[] {6, 8, 9, 7}, forward(block, m, x).toFloatArray());
        }
    }

    static Stream<Arguments> transposedSettings() {
        // kernel, stride, pad, output padding, bias: doubling (DCGAN), odd output, a pad beyond k−1 (crops), stride 1.
        return Stream.of(Arguments.of(4, 2, 1, 0, true), Arguments.of(3, 2, 0, 1, true), Arguments.of(2, 3, 2, 0, false),
                Arguments.of(3, 1, 1, 0, true), Arguments.of(3, 3, 1, 2, true));
    }

    @ParameterizedTest(name = "k{0} s{1} p{2} op{3} bias {4}")
    @MethodSource("transposedSettings")
    void transposedConvolutionEqualsItsDefinition(int k, int s, int pad, int op, boolean bias) {
        int cin = 3;
        int cout = 2;
        int h = 4;
        int w = 5;
        GraphBlock block = GraphCompiler.compile(chain(LayerCase.image(cin, h, w), node("t", "conv_transpose2d",
                Map.of("filters", cout, "kernel", k, "stride", s, "pad", pad, "output_padding", op, "bias", bias))));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(2, cin, h, w));
            forward(block, m, x);
            Block t = block.weightedNodes().get("t");
            t.getParameters().get("weight").getArray().set(m.randomNormal(new Shape(cin, cout, k, k)).toFloatArray());
            float[] b = bias ? m.randomNormal(new Shape(cout)).toFloatArray() : new float[cout];
            if (bias) {
                t.getParameters().get("bias").getArray().set(b);
            }
            NDArray out = forward(block, m, x);
            float[] expected = transposedReference(x.toFloatArray(), 2, cin, h, w,
                    t.getParameters().get("weight").getArray().toFloatArray(), cout, k, s, pad, op, b);
            int oh = (h - 1) * s - 2 * pad + k + op;
            int ow = (w - 1) * s - 2 * pad + k + op;
            assertArrayEquals(new long[] {2, cout, oh, ow}, out.getShape().getShape());
            assertArrayEquals(expected, out.toFloatArray(), 1e-5f);
        }
    }

    /**
     * The definition: every input pixel (iy, ix) adds x·w[ci][co][ky][kx] to output pixel
     * (iy·s − pad + ky, ix·s − pad + kx) when that pixel lies inside the output.
     */
    private static float[] transposedReference(float[] x, int n, int cin, int h, int w, float[] weight, int cout, int k,
                                               int s, int pad, int op, float[] bias) {
        int oh = (h - 1) * s - 2 * pad + k + op;
        int ow = (w - 1) * s - 2 * pad + k + op;
        double[] out = new double[n * cout * oh * ow];
        for (int b = 0; b < n; b++) {
            for (int co = 0; co < cout; co++) {
                for (int i = 0; i < oh * ow; i++) {
                    out[(b * cout + co) * oh * ow + i] = bias[co];
                }
                for (int ci = 0; ci < cin; ci++) {
                    for (int iy = 0; iy < h; iy++) {
                        for (int ix = 0; ix < w; ix++) {
                            float v = x[((b * cin + ci) * h + iy) * w + ix];
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int oy = iy * s - pad + ky;
                                    int ox = ix * s - pad + kx;
                                    if (oy >= 0 && oy < oh && ox >= 0 && ox < ow) {
                                        out[((b * cout + co) * oh + oy) * ow + ox] +=
                                                v * weight[((ci * cout + co) * k + ky) * k + kx];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        float[] result = new float[out.length];
        for (int i = 0; i < out.length; i++) {
            result[i] = (float) out[i];
        }
        return result;
    }

    @Test
    void bilinearUpsamplingBlendsNeighboursWithCornersNotAligned() {
        GraphBlock block = GraphCompiler.compile(chain(LayerCase.image(1, 1, 4),
                node("up", "upsample", Map.of("scale", 2, "mode", "bilinear"))));
        try (NDManager m = NDManager.newBaseManager()) {
            float[] in = {1, 2, 4, 8};
            float[] out = forward(block, m, m.create(in).reshape(1, 1, 1, 4)).toFloatArray();
            assertEquals(16, out.length);
            for (int ox = 0; ox < 8; ox++) {
                // Source position (ox + 0.5) / 2 − 0.5, clamped at 0, blended between its two neighbours.
                double src = Math.max((ox + 0.5) / 2 - 0.5, 0);
                int left = (int) Math.floor(src);
                int right = Math.min(left + 1, 3);
                double expected = in[left] + (src - left) * (in[right] - in[left]);
                assertEquals(expected, out[ox], 1e-6, "column " + ox);
                assertEquals(expected, out[8 + ox], 1e-6, "row 2, column " + ox);
            }
        }
    }

    @Test
    void nearestUpsamplingRepeatsEachPixel() {
        GraphBlock block = GraphCompiler.compile(chain(LayerCase.image(1, 2, 2), node("up", "upsample", Map.of())));
        try (NDManager m = NDManager.newBaseManager()) {
            float[] out = forward(block, m, m.create(new float[] {1, 2, 3, 4}).reshape(1, 1, 2, 2)).toFloatArray();
            assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, out);
        }
    }

    @Test
    void globalPoolingGivesEachChannelsMeanAndMaximum() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(12f).reshape(1, 2, 2, 3);
            float[] mean = forward(GraphCompiler.compile(chain(LayerCase.image(2, 2, 3),
                    node("g", "global_avg_pool", Map.of()))), m, x).toFloatArray();
            float[] max = forward(GraphCompiler.compile(chain(LayerCase.image(2, 2, 3),
                    node("g", "global_max_pool", Map.of()))), m, x).toFloatArray();
            assertArrayEquals(new float[] {2.5f, 8.5f}, mean, 1e-6f);
            assertArrayEquals(new float[] {5f, 11f}, max);
        }
    }

    private static Graph headOn(Node input, Node... layers) {
        Node[] all = new Node[layers.length + 3];
        all[0] = input;
        System.arraycopy(layers, 0, all, 1, layers.length);
        all[layers.length + 1] = node("flat", "flatten", Map.of());
        all[layers.length + 2] = node("head", "dense", Map.of("units", 3));
        return chain(all);
    }

    static Stream<Arguments> trainingGraphs() {
        Node signal = LayerCase.input("signal", "sequence_input", Map.of("steps", 2, "features", 12));
        Node image = LayerCase.image(2, 6, 6);
        return Stream.of(
                Arguments.of("conv1d", headOn(signal, node("c", "conv1d", Map.of("filters", 4, "kernel", 3))), 1),
                Arguments.of("conv_transpose2d", headOn(image,
                        node("t", "conv_transpose2d", Map.of("filters", 3, "kernel", 4, "stride", 2, "pad", 1))), 2),
                Arguments.of("max_pool1d", headOn(signal, node("c", "conv1d", Map.of("filters", 4, "kernel", 3)),
                        node("p", "max_pool1d", Map.of())), 1),
                Arguments.of("avg_pool1d", headOn(signal, node("c", "conv1d", Map.of("filters", 4, "kernel", 3)),
                        node("p", "avg_pool1d", Map.of())), 1),
                Arguments.of("avg_pool2d", headOn(image, node("c", "conv2d", Map.of("filters", 4, "kernel", 3)),
                        node("p", "avg_pool2d", Map.of())), 2),
                Arguments.of("global_avg_pool", headOn(image, node("c", "conv2d", Map.of("filters", 6, "kernel", 3)),
                        node("p", "global_avg_pool", Map.of())), 2),
                Arguments.of("global_max_pool", headOn(signal, node("c", "conv1d", Map.of("filters", 6, "kernel", 3)),
                        node("p", "global_max_pool", Map.of())), 1),
                Arguments.of("upsample bilinear", headOn(image, node("u", "upsample", Map.of("mode", "bilinear")),
                        node("c", "conv2d", Map.of("filters", 2, "kernel", 3, "stride", 2))), 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trainingGraphs")
    void aSmallNetworkThroughItLearns(String name, Graph graph, int rankWithoutBatch) {
        long[] shape = rankWithoutBatch == 1 ? new long[] {12, 2, 12} : new long[] {12, 2, 6, 6};
        assertLossFalls(graph, m -> new NDList(m.randomNormal(new Shape(shape))), m -> m.arange(12f).mod(3),
                Loss.softmaxCrossEntropyLoss(), 0.03f);
    }
}
