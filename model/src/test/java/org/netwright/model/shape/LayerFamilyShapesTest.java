package org.netwright.model.shape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netwright.model.SampleGraphs.node;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/**
 * Output sizes and parameter counts of the convolution, pooling, norm, embedding and activation
 * layers, against the standard formulas and the counts PyTorch prints for the same layers.
 */
class LayerFamilyShapesTest {

    private static NodeReport single(Node input, String type, Map<String, Object> params) {
        Graph g = Graph.of(List.of(input, node("layer", type, params)), List.of(Edge.of(input.id(), "out", "layer", "in")));
        NodeReport r = ShapeInference.infer(g).report("layer");
        assertTrue(r.isOk(), r.problem().orElse(""));
        return r;
    }

    private static Node image(int c, int h, int w) {
        return node("x", "image_input", Map.of("channels", c, "height", h, "width", w));
    }

    /** A channels-first sequence C×L, as conv1d takes it (a sequence input of C steps with L features). */
    private static Node channelsAndLength(int c, int length) {
        return node("x", "sequence_input", Map.of("steps", c, "features", length));
    }

    @ParameterizedTest(name = "L={0} k={1} s={2} {3} pad={4} d={5} -> {6}")
    @CsvSource({
            "100, 5, 1, valid, 0, 1, 96",
            "100, 5, 2, valid, 0, 1, 48",
            "100, 3, 1, same, 0, 2, 100",
            "20, 4, 3, explicit, 1, 1, 7",
            "20, 3, 1, same, 0, 1, 20",
            "21, 3, 2, same, 0, 1, 11"})
    void conv1dLengthFollowsTheStandardFormula(int length, int k, int s, String padding, int pad, int d, int expected) {
        NodeReport r = single(channelsAndLength(3, length), "conv1d",
                Map.of("filters", 16, "kernel", k, "stride", s, "padding", padding, "pad", pad, "dilation", d));
        assertEquals(Shape.of(16, expected), r.outputs().get("out"));
        assertEquals(3L * k * 16 + 16, r.params());
    }

    @ParameterizedTest(name = "H={0} k={1} s={2} {3} pad={4} d={5} -> {6}")
    @CsvSource({
            "32, 5, 1, explicit, 2, 1, 32",
            "32, 5, 1, valid, 0, 1, 28",
            "32, 3, 2, same, 0, 1, 16",
            "32, 3, 1, valid, 0, 2, 28",
            "32, 3, 1, same, 0, 3, 32",
            "7, 3, 2, explicit, 1, 1, 4"})
    void conv2dSizeFollowsTheStandardFormula(int in, int k, int s, String padding, int pad, int d, int expected) {
        NodeReport r = single(image(3, in, in), "conv2d",
                Map.of("filters", 16, "kernel", k, "stride", s, "padding", padding, "pad", pad, "dilation", d));
        assertEquals(Shape.of(16, expected, expected), r.outputs().get("out"));
    }

    @Test
    void theCatalogExampleConvHasThirtyTwoByThirtyTwoBySixteenAnd1216Parameters() {
        NodeReport r = single(image(3, 32, 32), "conv2d", Map.of("filters", 16, "kernel", 5, "padding", "explicit", "pad", 2));
        assertEquals(Shape.of(16, 32, 32), r.outputs().get("out"));
        assertEquals(1216, r.params());
    }

    @ParameterizedTest(name = "H={0} k={1} s={2} pad={3} op={4} -> {5}")
    @CsvSource({
            "4, 4, 2, 1, 0, 8",
            "7, 3, 2, 1, 1, 14",
            "1, 4, 1, 0, 0, 4",
            "5, 2, 3, 2, 0, 10",
            "16, 3, 1, 1, 0, 16"})
    void transposedConvSizeIsInMinusOneTimesStrideMinusTwoPadPlusKernelPlusOutputPadding(
            int in, int k, int s, int pad, int op, int expected) {
        NodeReport r = single(image(16, in, in), "conv_transpose2d",
                Map.of("filters", 8, "kernel", k, "stride", s, "pad", pad, "output_padding", op));
        assertEquals(Shape.of(8, expected, expected), r.outputs().get("out"));
        // PyTorch: nn.ConvTranspose2d(16, 8, k) has 16·8·k·k weights and 8 biases.
        assertEquals(16L * 8 * k * k + 8, r.params());
    }

    @ParameterizedTest(name = "{0} k={1} s={2} pad={3} on {4} -> {5}")
    @CsvSource({
            "max_pool2d, 2, 2, 0, 28, 14",
            "max_pool2d, 3, 2, 1, 28, 14",
            "avg_pool2d, 2, 2, 0, 7, 3",
            "avg_pool2d, 3, 1, 1, 7, 7",
            "max_pool1d, 2, 2, 0, 9, 4",
            "avg_pool1d, 4, 3, 2, 20, 7"})
    void poolingSizeFollowsTheStandardFormula(String type, int k, int s, int pad, int in, int expected) {
        boolean twoD = type.endsWith("2d");
        Node input = twoD ? image(5, in, in) : channelsAndLength(5, in);
        NodeReport r = single(input, type, Map.of("kernel", k, "stride", s, "pad", pad));
        assertEquals(twoD ? Shape.of(5, expected, expected) : Shape.of(5, expected), r.outputs().get("out"));
        assertEquals(0, r.params());
    }

    @Test
    void globalPoolingLeavesOneValuePerChannel() {
        assertEquals(Shape.of(64), single(image(64, 7, 7), "global_avg_pool", Map.of()).outputs().get("out"));
        assertEquals(Shape.of(8), single(channelsAndLength(8, 30), "global_max_pool", Map.of()).outputs().get("out"));
    }

    @Test
    void upsampleMultipliesHeightAndWidth() {
        assertEquals(Shape.of(3, 24, 15), single(image(3, 8, 5), "upsample", Map.of("scale", 3)).outputs().get("out"));
    }

    @Test
    void parameterCountsEqualPyTorchs() {
        // nn.BatchNorm2d(64), nn.BatchNorm1d(100), nn.LayerNorm(512), nn.GroupNorm(8, 64): weight + bias only.
        assertEquals(128, single(image(64, 8, 8), "batch_norm", Map.of()).params());
        assertEquals(200, single(node("x", "vector_input", Map.of("features", 100)), "batch_norm", Map.of()).params());
        assertEquals(1024, single(node("x", "sequence_input", Map.of("steps", 10, "features", 512)), "layer_norm",
                Map.of()).params());
        assertEquals(128, single(image(64, 8, 8), "group_norm", Map.of("groups", 8)).params());
        // nn.Embedding(10000, 300), frozen or not.
        NodeReport emb = single(node("x", "token_input", Map.of("length", 50, "vocabulary", 10000)), "embedding",
                Map.of("vocabulary", 10000, "dimension", 300, "trainable", false));
        assertEquals(3_000_000, emb.params());
        assertEquals(Shape.of(50, 300), emb.outputs().get("out"));
        // nn.PReLU() and nn.PReLU(64).
        assertEquals(1, single(image(64, 8, 8), "prelu", Map.of()).params());
        assertEquals(64, single(image(64, 8, 8), "prelu", Map.of("per_channel", true)).params());
        // nn.Conv1d(3, 16, 5, bias=False).
        assertEquals(240, single(channelsAndLength(3, 50), "conv1d", Map.of("filters", 16, "kernel", 5, "bias", false))
                .params());
    }
}
