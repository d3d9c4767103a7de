package org.netwright.runner.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netwright.runner.compile.Graphs.edge;
import static org.netwright.runner.compile.Graphs.node;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.ParameterList;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
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
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.ShapeInference;

/**
 * Attention and Transformer blocks: shapes and PyTorch parameter counts, values against the textbook
 * equations, wiring diagnoses, and a training test for each block.
 */
class AttentionLayersTest {

    static Node seq(String id, int steps, int features) {
        return LayerCase.input(id, "sequence_input", Map.of("steps", steps, "features", features));
    }

    static Node tokens(String id, int length) {
        return LayerCase.input(id, "token_input", Map.of("length", length, "vocabulary", 5));
    }

    /** The attention family's shape-agreement cases. */
    static Stream<LayerCase> cases() {
        Node a = seq("a", 6, 8);
        Node b = seq("b", 4, 5);
        Node c = seq("c", 4, 3);
        Node mem = seq("mem", 4, 8);
        return Stream.of(
                new LayerCase("scaled_dot_product_attention", Map.of(), List.of(a)),
                new LayerCase("scaled_dot_product_attention", Map.of("causal", true), List.of(seq("q", 6, 5), b, c)),
                new LayerCase("scaled_dot_product_attention", Map.of("padding_mask", true),
                        List.of(seq("q", 6, 5), b, c, tokens("ids", 4))),
                new LayerCase("multi_head_attention", Map.of("d_model", 8, "heads", 2), List.of(a)),
                new LayerCase("multi_head_attention", Map.of("d_model", 8, "heads", 4, "causal", true), List.of(a, b)),
                new LayerCase("multi_head_attention", Map.of("d_model", 8, "heads", 2, "padding_mask", true),
                        List.of(a, b, c, tokens("ids", 4))),
                new LayerCase("positional_encoding", Map.of(), List.of(a)),
                new LayerCase("positional_encoding", Map.of("kind", "learned", "max_len", 10), List.of(a)),
                new LayerCase("feed_forward", Map.of("hidden", 12), List.of(a)),
                new LayerCase("feed_forward", Map.of("hidden", 12, "activation", "gelu"), List.of(b)),
                new LayerCase("transformer_encoder_block", Map.of("d_model", 8, "heads", 2, "ff_dim", 16), List.of(a)),
                new LayerCase("transformer_encoder_block", Map.of("d_model", 8, "heads", 2, "ff_dim", 16,
                        "norm_first", true), List.of(a)),
                new LayerCase("transformer_decoder_block", Map.of("d_model", 8, "heads", 2, "ff_dim", 16),
                        List.of(a, mem)),
                new LayerCase("transformer_decoder_block", Map.of("d_model", 8, "heads", 4, "ff_dim", 16,
                        "norm_first", true, "causal", false), List.of(a, mem)),
                new LayerCase("patch_embedding", Map.of("patch", 4, "embed_dim", 6), List.of(LayerCase.image(3, 8, 12))),
                new LayerCase("class_token", Map.of(), List.of(a)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inferredShapeAndParamsEqualDjls(LayerCase c) {
        ShapeAgreement.check(c);
    }

    /** One layer fed by input nodes, port by port. */
    private static Graph graph(String type, Map<String, Object> params, List<Node> inputs, List<String> ports) {
        List<Node> nodes = new ArrayList<>(inputs);
        nodes.add(node("layer", type, params));
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            edges.add(edge(inputs.get(Math.min(i, inputs.size() - 1)).id(), "layer", ports.get(i)));
        }
        return Graph.of(nodes, edges);
    }

    private static long djlParams(Graph g) {
        GraphBlock block = GraphCompiler.compile(g);
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, block.inputPorts().stream()
                    .map(p -> new ai.djl.ndarray.types.Shape(block.portShape(p).withBatch(1)))
                    .toArray(ai.djl.ndarray.types.Shape[]::new));
            return block.getParameters().values().stream().mapToLong(p -> p.getArray().getShape().size()).sum();
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"transformer_encoder_block, 3152384", "transformer_decoder_block, 4204032",
                "multi_head_attention, 1050624"})
    void transformerParameterCountsEqualPyTorchs(String type, long expected) {
        // PyTorch: nn.TransformerEncoderLayer(512, 8, 2048), nn.TransformerDecoderLayer(512, 8, 2048),
        // nn.MultiheadAttention(512, 8).
        Map<String, Object> p = Map.of("d_model", 512, "heads", 8, "ff_dim", 2048);
        List<String> ports = switch (type) {
            case "transformer_decoder_block" -> List.of("in", "memory");
            case "multi_head_attention" -> List.of("query", "key", "value");
            default -> List.of("in");
        };
        Graph g = graph(type, type.equals("multi_head_attention") ? Map.of("d_model", 512, "heads", 8) : p,
                List.of(seq("x", 3, 512)), ports);
        assertEquals(expected, ShapeInference.infer(g).totalParams());
        assertEquals(expected, djlParams(g));
    }

    @Test
    void vitPatchEmbeddingAndClassTokenCountsEqualPyTorchs() {
        // ViT-B/16: Conv2d(3, 768, 16, stride 16) = 590,592 and a 768-vector class token.
        Graph g = Graph.of(List.of(LayerCase.input("img", "image_input", Map.of("channels", 3, "height", 224, "width", 224)),
                        node("patch", "patch_embedding", Map.of("patch", 16, "embed_dim", 768)),
                        node("cls", "class_token", Map.of())),
                List.of(edge("img", "patch", "in"), edge("patch", "cls", "in")));
        var shapes = ShapeInference.infer(g);
        assertEquals(590_592, shapes.report("patch").params());
        assertEquals(768, shapes.report("cls").params());
        assertEquals(org.netwright.model.shape.Shape.of(197, 768), shapes.report("cls").outputs().get("out"));
        assertEquals(591_360, djlParams(g));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "multi_head_attention|{\"d_model\": 8, \"heads\": 2}|6|layer (Multi-head attention) expects a sequence of width d_model = 8 on 'query', but got a sequence 5×6",
        "multi_head_attention|{\"d_model\": 8, \"heads\": 3}|8|layer (Multi-head attention) needs d_model (8) divisible by the number of heads (3)",
        "positional_encoding|{\"max_len\": 4}|8|layer (Positional encoding) takes sequences of at most max_len = 4 steps, but got a sequence 5×8",
        "transformer_encoder_block|{\"d_model\": 16, \"heads\": 2}|8|layer (Transformer encoder block) expects a sequence of width d_model = 16 on 'in', but got a sequence 5×8"})
    void wrongWiringIsDiagnosedNamingBothShapes(String type, String paramsJson, int width, String message) {
        Map<String, Object> params = new HashMap<>();
        for (String pair : paramsJson.replaceAll("[{}\" ]", "").split(",")) {
            String[] kv = pair.split(":");
            params.put(kv[0], Integer.parseInt(kv[1]));
        }
        List<String> ports = type.equals("multi_head_attention") ? List.of("query", "key", "value") : List.of("in");
        Graph g = graph(type, params, List.of(seq("x", 5, width)), ports);
        assertEquals(List.of(message), ShapeInference.infer(g).problems());
    }

    @Test
    void patchEmbeddingRefusesSizesThePatchDoesNotDivide() {
        Graph g = graph("patch_embedding", Map.of("patch", 4), List.of(LayerCase.image(3, 10, 8)), List.of("in"));
        assertEquals(List.of("layer (Patch embedding) needs height and width divisible by the patch size 4, but got "
                + "an image 3×10×8"), ShapeInference.infer(g).problems());
    }

    @Test
    void attentionFedAnImageIsDiagnosed() {
        Graph g = graph("scaled_dot_product_attention", Map.of(), List.of(LayerCase.image(1, 4, 4)),
                List.of("query", "key", "value"));
        assertEquals(List.of("layer (Scaled dot-product attention) expects a sequence T×D on 'query', but got an "
                + "image 1×4×4"), ShapeInference.infer(g).problems());
    }

    // ---- values ----

    /** Key ids per sample; id 0 is padding. Key 0 is never padding, so no query loses every key. */
    private static final float[] KEY_IDS = {1, 2, 0, 3, 0, 4, 0, 1, 0, 2};

    private static boolean[] keep(int sample, int tk) {
        boolean[] keep = new boolean[tk];
        for (int j = 0; j < tk; j++) {
            keep[j] = KEY_IDS[sample * tk + j] != 0;
        }
        return keep;
    }

    /** Runs a compiled graph on arrays given by input node id; the output is {@code port}. */
    private static float[] run(Graph g, String port, NDManager m, Map<String, NDArray> byInput) {
        GraphBlock block = GraphCompiler.compile(g, false, port);
        NDList in = new NDList();
        block.inputIds().forEach(id -> in.add(byInput.get(id)));
        block.initialize(m, DataType.FLOAT32, in.getShapes());
        return block.forward(new ParameterStore(m, false), in, false).singletonOrThrow().toFloatArray();
    }

    @ParameterizedTest(name = "causal={0} padding={1}")
    @CsvSource({"false, false", "true, false", "false, true", "true, true"})
    void scaledDotProductAttentionMatchesTheTextbookEquation(boolean causal, boolean padding) {
        int tq = 4;
        int tk = 5;
        int dk = 3;
        int dv = 2;
        List<Node> inputs = new ArrayList<>(List.of(seq("q", tq, dk), seq("k", tk, dk), seq("v", tk, dv)));
        List<String> ports = new ArrayList<>(List.of("query", "key", "value"));
        if (padding) {
            inputs.add(tokens("ids", tk));
            ports.add("key_padding");
        }
        Graph g = graph("scaled_dot_product_attention", Map.of("causal", causal, "padding_mask", padding), inputs, ports);
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> arrays = Map.of("q", m.randomNormal(new ai.djl.ndarray.types.Shape(2, tq, dk)),
                    "k", m.randomNormal(new ai.djl.ndarray.types.Shape(2, tk, dk)),
                    "v", m.randomNormal(new ai.djl.ndarray.types.Shape(2, tk, dv)),
                    "ids", m.create(KEY_IDS, new ai.djl.ndarray.types.Shape(2, tk)));
            float[] out = run(g, "layer.out", m, arrays);
            float[] weights = run(g, "layer.weights", m, arrays);
            double worst = 0;
            for (int s = 0; s < 2; s++) {
                AttentionReference.Result r = AttentionReference.attend(
                        AttentionReference.sample(arrays.get("q").toFloatArray(), s, tq, dk),
                        AttentionReference.sample(arrays.get("k").toFloatArray(), s, tk, dk),
                        AttentionReference.sample(arrays.get("v").toFloatArray(), s, tk, dv),
                        causal, padding ? keep(s, tk) : null);
                for (int i = 0; i < tq; i++) {
                    for (int c = 0; c < dv; c++) {
                        worst = Math.max(worst, Math.abs(r.out()[i][c] - out[(s * tq + i) * dv + c]));
                    }
                    for (int j = 0; j < tk; j++) {
                        worst = Math.max(worst, Math.abs(r.weights()[i][j] - weights[(s * tq + i) * tk + j]));
                    }
                }
            }
            assertTrue(worst < 1e-5, "largest difference " + worst);
        }
    }

    @Test
    void multiHeadAttentionMatchesPerHeadAttentionOfTheProjections() {
        int d = 6;
        int heads = 3;
        int tq = 4;
        int tk = 5;
        int kdim = 3;
        Graph g = Graph.of(List.of(seq("q", tq, d), seq("kv", tk, kdim), tokens("ids", tk),
                        node("layer", "multi_head_attention", Map.of("d_model", d, "heads", heads, "causal", true,
                                "padding_mask", true))),
                List.of(edge("q", "layer", "query"), edge("kv", "layer", "key"), edge("kv", "layer", "value"),
                        edge("ids", "layer", "key_padding")));
        GraphBlock block = GraphCompiler.compile(g, false, "layer.out");
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray q = m.randomNormal(new ai.djl.ndarray.types.Shape(2, tq, d));
            NDArray kv = m.randomNormal(new ai.djl.ndarray.types.Shape(2, tk, kdim));
            NDArray ids = m.create(KEY_IDS, new ai.djl.ndarray.types.Shape(2, tk));
            Map<String, NDArray> byId = Map.of("q", q, "kv", kv, "ids", ids);
            NDList in = new NDList();
            block.inputIds().forEach(id -> in.add(byId.get(id)));
            block.initialize(m, DataType.FLOAT32, in.getShapes());
            MultiHeadAttentionBlock mha = (MultiHeadAttentionBlock) block.weightedNodes().get("layer");
            NDList both = mha.forward(new ParameterStore(m, false), new NDList(q, kv, kv, ids), false);
            assertArrayEquals(new long[] {2, heads, tq, tk}, both.get(1).getShape().getShape());
            float[] out = both.get(0).toFloatArray();
            float[] weights = both.get(1).toFloatArray();
            double worst = 0;
            int dh = d / heads;
            for (int s = 0; s < 2; s++) {
                double[][] xq = AttentionReference.sample(q.toFloatArray(), s, tq, d);
                double[][] xkv = AttentionReference.sample(kv.toFloatArray(), s, tk, kdim);
                double[][] pq = AttentionReference.linear(xq, w(mha, "query"), b(mha, "query"));
                double[][] pk = AttentionReference.linear(xkv, w(mha, "key"), b(mha, "key"));
                double[][] pv = AttentionReference.linear(xkv, w(mha, "value"), b(mha, "value"));
                double[][] joined = new double[tq][d];
                for (int h = 0; h < heads; h++) {
                    AttentionReference.Result r = AttentionReference.attend(AttentionReference.columns(pq, h * dh, dh),
                            AttentionReference.columns(pk, h * dh, dh), AttentionReference.columns(pv, h * dh, dh),
                            true, keep(s, tk));
                    for (int i = 0; i < tq; i++) {
                        System.arraycopy(r.out()[i], 0, joined[i], h * dh, dh);
                        for (int j = 0; j < tk; j++) {
                            worst = Math.max(worst, Math.abs(r.weights()[i][j]
                                    - weights[((s * heads + h) * tq + i) * tk + j]));
                        }
                    }
                }
                double[][] expected = AttentionReference.linear(joined, w(mha, "out"), b(mha, "out"));
                for (int i = 0; i < tq; i++) {
                    for (int c = 0; c < d; c++) {
                        worst = Math.max(worst, Math.abs(expected[i][c] - out[(s * tq + i) * d + c]));
                    }
                }
            }
            assertTrue(worst < 1e-5, "largest difference " + worst);
        }
    }

    private static float[] w(MultiHeadAttentionBlock mha, String name) {
        ParameterList p = mha.projection(name).getParameters();
        return p.get("weight").getArray().toFloatArray();
    }

    private static float[] b(MultiHeadAttentionBlock mha, String name) {
        return mha.projection(name).getParameters().get("bias").getArray().toFloatArray();
    }

    @Test
    void sinusoidalEncodingAddsSinOnEvenAndCosOnOddFeatures() {
        int steps = 7;
        int width = 6;
        Graph g = graph("positional_encoding", Map.of(), List.of(seq("x", steps, width)), List.of("in"));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new ai.djl.ndarray.types.Shape(2, steps, width));
            float[] out = run(g, "layer.out", m, Map.of("x", x));
            float[] xs = x.toFloatArray();
            double worst = 0;
            for (int s = 0; s < 2; s++) {
                for (int pos = 0; pos < steps; pos++) {
                    for (int i = 0; 2 * i < width; i++) {
                        double angle = pos / Math.pow(10000, 2.0 * i / width);
                        int even = (s * steps + pos) * width + 2 * i;
                        worst = Math.max(worst, Math.abs(out[even] - xs[even] - Math.sin(angle)));
                        worst = Math.max(worst, Math.abs(out[even + 1] - xs[even + 1] - Math.cos(angle)));
                    }
                }
            }
            assertTrue(worst < 1e-5, "largest difference " + worst);
        }
        assertEquals((float) Math.sin(3 / Math.pow(10000, 2.0 / 6)), PositionalEncodingBlock.sinusoidal(4, 6)[3 * 6 + 2]);
    }

    @Test
    void patchEmbeddingReadsPatchesRowByRow() {
        int p = 2;
        Graph g = graph("patch_embedding", Map.of("patch", p, "embed_dim", 3), List.of(LayerCase.image(1, 4, 6)),
                List.of("in"));
        GraphBlock block = GraphCompiler.compile(g);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new ai.djl.ndarray.types.Shape(1, 1, 4, 6));
            block.initialize(m, DataType.FLOAT32, x.getShape());
            NDArray out = block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            assertArrayEquals(new long[] {1, 6, 3}, out.getShape().getShape());
            ParameterList params = block.weightedNodes().get("layer").getParameters();
            NDArray weight = params.get(0).getValue().getArray().reshape(3, p * p);
            NDArray bias = params.get(1).getValue().getArray();
            // Patch 4 of a 2×3 grid is row 1, column 1: pixels rows 2-3, columns 2-3.
            NDArray patch = x.get("0, 0, 2:4, 2:4").reshape(p * p);
            NDArray expected = weight.matMul(patch).add(bias);
            assertTrue(out.get("0, 4, :").allClose(expected, 1e-5, 1e-5, false), out.get("0, 4, :") + " vs " + expected);
        }
    }

    @Test
    void classTokenComesFirstAndTheSequenceFollowsUnchanged() {
        Graph g = graph("class_token", Map.of(), List.of(seq("x", 3, 4)), List.of("in"));
        GraphBlock block = GraphCompiler.compile(g);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new ai.djl.ndarray.types.Shape(2, 3, 4));
            block.initialize(m, DataType.FLOAT32, x.getShape());
            NDArray out = block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
            NDArray token = block.weightedNodes().get("layer").getParameters().get("token").getArray();
            assertTrue(out.get(":, 1:, :").allClose(x));
            assertTrue(out.get("0, 0, :").allClose(token) && out.get("1, 0, :").allClose(token));
        }
    }

    // ---- training ----

    /** n sequences per input id, normal numbers; the label is the sign of the sum of {@code labelFrom}'s values. */
    private static List<Float> fitSign(Graph g, Map<String, int[]> inputShapes, String labelFrom, int steps, float lr) {
        int n = 64;
        Random r = new Random(5);
        Map<String, float[]> data = new HashMap<>();
        inputShapes.forEach((id, shape) -> {
            float[] x = new float[n * shape[0] * shape[1]];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            data.put(id, x);
        });
        float[] y = new float[n];
        int per = inputShapes.get(labelFrom)[0] * inputShapes.get(labelFrom)[1];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < per; j++) {
                sum += data.get(labelFrom)[i * per + j];
            }
            y[i] = sum > 0 ? 1 : 0;
        }
        List<String> order = GraphCompiler.compile(g).inputIds();
        return LayerTraining.fit(g, m -> {
            NDList list = new NDList();
            for (String id : order) {
                int[] s = inputShapes.get(id);
                list.add(m.create(data.get(id), new ai.djl.ndarray.types.Shape(n, s[0], s[1])));
            }
            return list;
        }, m -> m.create(y), Loss.softmaxCrossEntropyLoss(), steps, lr);
    }

    private static void assertFalls(List<Float> losses, double factor, String what) {
        float first = losses.get(0);
        float last = losses.get(losses.size() - 1);
        assertTrue(last < factor * first, what + " losses " + first + " -> " + last);
    }

    /** input -> block -> flatten -> dense(2), learning the sign of the input's sum. */
    private static Graph classifier(Node block, int steps, int width) {
        return Graph.of(List.of(seq("x", steps, width), block, node("flat", "flatten", Map.of()),
                        node("head", "dense", Map.of("units", 2))),
                List.of(edge("x", block.id(), "in"), edge(block.id(), "flat", "in"), edge("flat", "head", "in")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"feed_forward", "transformer_encoder_block", "transformer_encoder_block pre-LN",
                            "positional_encoding"})
    void singleInputBlocksTrain(String which) {
        Node block = switch (which) {
            case "feed_forward" -> node("b", "feed_forward", Map.of("hidden", 16, "activation", "gelu", "dropout", 0.0));
            case "transformer_encoder_block" -> node("b", "transformer_encoder_block",
                    Map.of("d_model", 4, "heads", 2, "ff_dim", 8, "dropout", 0.0));
            case "transformer_encoder_block pre-LN" -> node("b", "transformer_encoder_block",
                    Map.of("d_model", 4, "heads", 2, "ff_dim", 8, "dropout", 0.0, "norm_first", true));
            default -> node("b", "positional_encoding", Map.of("kind", "sinusoidal", "max_len", 16));
        };
        assertFalls(fitSign(classifier(block, 6, 4), Map.of("x", new int[] {6, 4}), "x", 40, 0.02f), 0.5, which);
    }

    @Test
    void selfAttentionTrainsWithOneNodeWiredIntoAllThreePorts() {
        Graph g = Graph.of(List.of(seq("x", 6, 4),
                        node("att", "multi_head_attention", Map.of("d_model", 4, "heads", 2, "causal", true)),
                        node("flat", "flatten", Map.of()), node("head", "dense", Map.of("units", 2))),
                List.of(edge("x", "att", "query"), edge("x", "att", "key"), edge("x", "att", "value"),
                        edge("att", "flat", "in"), edge("flat", "head", "in")));
        assertFalls(fitSign(g, Map.of("x", new int[] {6, 4}), "x", 40, 0.02f), 0.5, "self-attention");
    }

    @Test
    void crossAttentionLearnsFromTheKeysAndValuesItIsGiven() {
        // The label depends only on the key/value sequence, so the loss can fall only through cross-attention.
        Graph g = Graph.of(List.of(seq("q", 3, 4), seq("kv", 5, 2),
                        node("att", "multi_head_attention", Map.of("d_model", 4, "heads", 2)),
                        node("flat", "flatten", Map.of()), node("head", "dense", Map.of("units", 2))),
                List.of(edge("q", "att", "query"), edge("kv", "att", "key"), edge("kv", "att", "value"),
                        edge("att", "flat", "in"), edge("flat", "head", "in")));
        assertFalls(fitSign(g, Map.of("q", new int[] {3, 4}, "kv", new int[] {5, 2}), "kv", 60, 0.02f), 0.6,
                "cross-attention");
    }

    @Test
    void paddingMaskTakesTheTokenIdsThatFeedTheEmbedding() {
        // One token input feeds both the embedding and the key_padding port, as a text classifier wires it.
        int n = 64;
        int length = 6;
        Random r = new Random(11);
        float[] ids = new float[n * length];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int used = 2 + r.nextInt(length - 1);
            for (int t = 0; t < used; t++) {
                ids[i * length + t] = 1 + r.nextInt(4);
                y[i] = ids[i * length + t] == 3 ? 1 : y[i];
            }
        }
        Graph g = Graph.of(List.of(tokens("ids", length),
                        node("emb", "embedding", Map.of("vocabulary", 5, "dimension", 8, "padding_id", 0)),
                        node("att", "multi_head_attention", Map.of("d_model", 8, "heads", 2, "padding_mask", true)),
                        node("flat", "flatten", Map.of()), node("head", "dense", Map.of("units", 2))),
                List.of(edge("ids", "emb", "in"), edge("emb", "att", "query"), edge("emb", "att", "key"),
                        edge("emb", "att", "value"), edge("ids", "att", "key_padding"), edge("att", "flat", "in"),
                        edge("flat", "head", "in")));
        List<Float> losses = LayerTraining.fit(g, m -> new NDList(m.create(ids, new ai.djl.ndarray.types.Shape(n, length))),
                m -> m.create(y), Loss.softmaxCrossEntropyLoss(), 40, 0.02f);
        assertFalls(losses, 0.5, "padding-masked attention");
    }

    @Test
    void scaledDotProductAttentionPassesGradientsToWhatFeedsIt() {
        // Attention has no weights: the Dense making its queries learns through it.
        Graph g = Graph.of(List.of(seq("x", 6, 4), node("proj", "dense", Map.of("units", 4)),
                        node("att", "scaled_dot_product_attention", Map.of()),
                        node("flat", "flatten", Map.of()), node("head", "dense", Map.of("units", 2))),
                List.of(edge("x", "proj", "in"), edge("proj", "att", "query"), edge("x", "att", "key"),
                        edge("proj", "att", "value"), edge("att", "flat", "in"), edge("flat", "head", "in")));
        assertFalls(fitSign(g, Map.of("x", new int[] {6, 4}), "x", 40, 0.02f), 0.5, "attention");
    }

    @Test
    void decoderBlockLearnsFromItsMemory() {
        Graph g = Graph.of(List.of(seq("tgt", 3, 4), seq("mem", 5, 4),
                        node("dec", "transformer_decoder_block", Map.of("d_model", 4, "heads", 2, "ff_dim", 8,
                                "dropout", 0.0)),
                        node("flat", "flatten", Map.of()), node("head", "dense", Map.of("units", 2))),
                List.of(edge("tgt", "dec", "in"), edge("mem", "dec", "memory"), edge("dec", "flat", "in"),
                        edge("flat", "head", "in")));
        assertFalls(fitSign(g, Map.of("tgt", new int[] {3, 4}, "mem", new int[] {5, 4}), "mem", 60, 0.02f), 0.6,
                "decoder");
    }

    @Test
    void learnedPositionsAndClassTokenLearnWhenTheyAreTheOnlyWeights() {
        // x (1×2) of zeros -> learned encoding -> class token -> 2×2 -> flatten: [token, position], regressed
        // onto ones, which only the two layers' own weights can reach. (Not cross-entropy: its gradients sum to
        // zero over the logits, and DJL's first-step check refuses a gradient sum of zero.)
        Graph g = Graph.of(List.of(seq("x", 1, 2),
                        node("pos", "positional_encoding", Map.of("kind", "learned", "max_len", 1)),
                        node("cls", "class_token", Map.of()), node("flat", "flatten", Map.of())),
                List.of(edge("x", "pos", "in"), edge("pos", "cls", "in"), edge("cls", "flat", "in")));
        List<Float> losses = LayerTraining.fit(g, m -> new NDList(m.zeros(new ai.djl.ndarray.types.Shape(8, 1, 2))),
                m -> m.ones(new ai.djl.ndarray.types.Shape(8, 4)), Loss.l2Loss(), 40, 0.05f);
        assertFalls(losses, 0.1, "learned positions and class token");
    }

    @Test
    void patchEmbeddingWithClassTokenTrainsAsATinyVisionTransformer() {
        // 1×8×8 images; the label is the sign of their sum.
        int n = 32;
        Random r = new Random(9);
        float[] x = new float[n * 64];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < 64; j++) {
                x[i * 64 + j] = (float) r.nextGaussian();
                sum += x[i * 64 + j];
            }
            y[i] = sum > 0 ? 1 : 0;
        }
        Graph g = Graph.of(List.of(LayerCase.input("img", "image_input", Map.of("channels", 1, "height", 8, "width", 8)),
                        node("patch", "patch_embedding", Map.of("patch", 4, "embed_dim", 8)),
                        node("cls", "class_token", Map.of()),
                        node("enc", "transformer_encoder_block", Map.of("d_model", 8, "heads", 2, "ff_dim", 16,
                                "dropout", 0.0, "norm_first", true)),
                        node("flat", "flatten", Map.of()), node("head", "dense", Map.of("units", 2))),
                List.of(edge("img", "patch", "in"), edge("patch", "cls", "in"), edge("cls", "enc", "in"),
                        edge("enc", "flat", "in"), edge("flat", "head", "in")));
        List<Float> losses = LayerTraining.fit(g, m -> new NDList(m.create(x, new ai.djl.ndarray.types.Shape(n, 1, 8, 8))),
                m -> m.create(y), Loss.softmaxCrossEntropyLoss(), 40, 0.02f);
        assertFalls(losses, 0.5, "ViT");
    }
}
