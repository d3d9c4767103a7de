package org.netwright.model.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeMismatch;

/**
 * Attention and Transformer blocks over sequences shaped T×D: attention itself, positional encoding,
 * the position-wise feed-forward net, encoder and decoder blocks, and the Vision Transformer's patch
 * embedding and class token. Parameter counts follow PyTorch's nn.MultiheadAttention and
 * nn.TransformerEncoderLayer / nn.TransformerDecoderLayer.
 */
final class AttentionLayers {
    private static final List<String> QKV = List.of("query", "key", "value");
    private static final List<String> OUT_AND_WEIGHTS = List.of("out", "weights");
    private static final String PADDING_PORT = "key_padding";

    private AttentionLayers() {
    }

    static List<LayerSpec> all() {
        return List.of(
                new LayerSpec("scaled_dot_product_attention", "Scaled dot-product attention", LayerFamily.ATTENTION,
                        "Each query row takes a weighted average of the value rows, weighted by softmax(Q·Kᵀ/√d_k): "
                                + "the keys most similar to the query count most. It has no weights of its own; "
                                + "the weights port shows who attends to whom (T_q×T_k).",
                        withMasks(List.of()), qkvPorts(), OUT_AND_WEIGHTS, AttentionLayers::dotProduct),
                new LayerSpec("multi_head_attention", "Multi-head attention", LayerFamily.ATTENTION,
                        "Projects query, key and value into several heads, runs scaled dot-product attention in "
                                + "each and mixes the heads with an output projection; the weights port gives each "
                                + "head's attention map. Wire one node into all three ports for self-attention, or "
                                + "another sequence into key and value for cross-attention; causal and padding masks "
                                + "are options. d_model 64 to 512 with 4 to 8 heads is typical.",
                        withMasks(List.of(dModel(), heads(),
                                new DoubleParam("dropout", "Dropout", 0.0, 0.0, 0.99,
                                        "Dropout on the attention weights while training."))),
                        qkvPorts(), OUT_AND_WEIGHTS, AttentionLayers::multiHead),
                new LayerSpec("positional_encoding", "Positional encoding", LayerFamily.ATTENTION,
                        "Adds a vector that depends on the position t to every step of a T×D sequence, because "
                                + "attention alone ignores order. Sinusoidal is fixed and extends to any length up "
                                + "to the maximum; learned trains one vector per position.",
                        List.of(new ChoiceParam("kind", "Kind", "sinusoidal", List.of("sinusoidal", "learned"),
                                        "sinusoidal: sin/cos waves of many frequencies, no weights; learned: a trained "
                                                + "vector per position."),
                                new IntParam("max_len", "Max length", 512, 1, 1_000_000,
                                        "Longest sequence it accepts (learned weights: max_len×D).")),
                        single(), List.of("out"), AttentionLayers::positional),
                new LayerSpec("feed_forward", "Feed-forward", LayerFamily.ATTENTION,
                        "The position-wise MLP of a Transformer: Linear(D→H), activation, Linear(H→D), applied to "
                                + "every step of a T×D sequence on its own. H is usually 4×D.",
                        List.of(new IntParam("hidden", "Hidden", 256, 1, 1_000_000, "Width of the inner layer."),
                                activation(), dropout()),
                        single(), List.of("out"), AttentionLayers::feedForward),
                new LayerSpec("transformer_encoder_block", "Transformer encoder block", LayerFamily.ATTENTION,
                        "Self-attention then a feed-forward net, each wrapped in a residual connection and a "
                                + "LayerNorm (before the sub-layer with pre-LN, which trains more easily when deep; "
                                + "after it with post-LN, as in the original paper). E.g. d_model 512, 8 heads, "
                                + "feed-forward 2048.",
                        transformerParams(false), single(), List.of("out"), AttentionLayers::encoder),
                new LayerSpec("transformer_decoder_block", "Transformer decoder block", LayerFamily.ATTENTION,
                        "Masked self-attention over the target sequence, cross-attention to the encoder's output "
                                + "on the memory port, and a feed-forward net, each with a residual connection and a "
                                + "LayerNorm. Use it for sequence-to-sequence models and, without an encoder, for "
                                + "next-token generation.",
                        transformerParams(true), p -> List.of("in", "memory"), List.of("out"), AttentionLayers::decoder),
                new LayerSpec("patch_embedding", "Patch embedding", LayerFamily.ATTENTION,
                        "Cuts a C×H×W image into p×p patches and maps each to a D-vector with one linear map "
                                + "(a convolution with kernel and stride p), giving a sequence of (H/p·W/p)×D for a "
                                + "Vision Transformer. Patch 16 on 224×224 images gives 196 steps.",
                        List.of(new IntParam("patch", "Patch size", 4, 1, 1024, "Height and width of each patch."),
                                new IntParam("embed_dim", "Embed dim", 64, 1, 65536, "Length D of each patch vector.")),
                        single(), List.of("out"), AttentionLayers::patches),
                new LayerSpec("class_token", "Class token", LayerFamily.ATTENTION,
                        "Puts one learned D-vector in front of a T×D sequence, giving (T+1)×D. After the encoder "
                                + "blocks, step 0 has attended to every patch and feeds the classifier head, as in ViT.",
                        List.of(), single(), List.of("out"), AttentionLayers::classToken));
    }

    private static Function<LayerParams, List<String>> single() {
        return p -> List.of("in");
    }

    /** query, key, value, plus key_padding when the padding mask is on. */
    private static Function<LayerParams, List<String>> qkvPorts() {
        return p -> {
            List<String> ports = new ArrayList<>(QKV);
            if (p.getBool("padding_mask")) {
                ports.add(PADDING_PORT);
            }
            return ports;
        };
    }

    private static IntParam dModel() {
        return new IntParam("d_model", "Model dim", 64, 1, 65536,
                "Width D of the sequence vectors; the query input must have it.");
    }

    private static IntParam heads() {
        return new IntParam("heads", "Heads", 4, 1, 256, "Attention heads; d_model must divide evenly by it.");
    }

    private static DoubleParam dropout() {
        return new DoubleParam("dropout", "Dropout", 0.1, 0.0, 0.99, "Dropout rate while training.");
    }

    private static ChoiceParam activation() {
        return new ChoiceParam("activation", "Activation", "relu", List.of("relu", "gelu"),
                "Non-linearity between the two linear layers.");
    }

    private static List<ParamSpec> withMasks(List<ParamSpec> first) {
        List<ParamSpec> out = new ArrayList<>(first);
        out.add(new BoolParam("causal", "Causal", false,
                "Query step i may only look at key steps 0..i (no peeking at the future)."));
        out.add(new BoolParam("padding_mask", "Padding mask", false,
                "Adds a key_padding port: wire the token ids (T_k) there and keys whose id is the padding id "
                        + "get no attention."));
        out.add(new IntParam("padding_id", "Padding id", 0, 0, Integer.MAX_VALUE,
                "Token id that marks padding on the key_padding port."));
        return out;
    }

    private static List<ParamSpec> transformerParams(boolean decoder) {
        List<ParamSpec> out = new ArrayList<>(List.of(dModel(), heads(),
                new IntParam("ff_dim", "Feed-forward dim", 256, 1, 1_000_000, "Hidden width of the feed-forward net."),
                dropout(), activation(),
                new BoolParam("norm_first", "Pre-LN", false,
                        "On: LayerNorm before each sub-layer (pre-LN). Off: after each residual sum (post-LN).")));
        if (decoder) {
            out.add(new BoolParam("causal", "Causal self-attention", true,
                    "Target step i sees only target steps 0..i, as next-token prediction needs."));
        }
        return out;
    }

    private static Shape requireSequence(String port, Shape x) {
        if (x.rank() != 2) {
            throw new ShapeMismatch("expects a sequence T×D on '" + port + "', but got " + x.describe());
        }
        return x;
    }

    private static void requireWidth(String port, Shape x, int width) {
        if (x.dim(1) != width) {
            throw new ShapeMismatch("expects a sequence of width d_model = " + width + " on '" + port + "', but got "
                    + x.describe());
        }
    }

    private static void requireHeads(LayerParams p) {
        int d = p.getInt("d_model");
        int h = p.getInt("heads");
        if (d % h != 0) {
            throw new ShapeMismatch("needs d_model (" + d + ") divisible by the number of heads (" + h + ")");
        }
    }

    /** Checks query/key/value (and key_padding) and returns them as sequences. */
    private static List<Shape> attentionInputs(LayerParams p, List<Shape> in) {
        Shape q = requireSequence("query", in.get(0));
        Shape k = requireSequence("key", in.get(1));
        Shape v = requireSequence("value", in.get(2));
        if (k.dim(0) != v.dim(0)) {
            throw new ShapeMismatch("needs key and value of the same length, but key is " + k + " and value is " + v);
        }
        if (p.getBool("padding_mask")) {
            Shape mask = in.get(3);
            if (mask.rank() != 1 || mask.dim(0) != k.dim(0)) {
                throw new ShapeMismatch("expects token ids of length " + k.dim(0) + " (one per key) on '"
                        + PADDING_PORT + "', but got " + mask.describe());
            }
        }
        return List.of(q, k, v);
    }

    private static LayerOutput dotProduct(LayerParams p, List<Shape> in) {
        List<Shape> qkv = attentionInputs(p, in);
        Shape q = qkv.get(0);
        Shape k = qkv.get(1);
        Shape v = qkv.get(2);
        if (q.dim(1) != k.dim(1)) {
            throw new ShapeMismatch("needs query and key of the same width d_k, but query is " + q + " and key is " + k);
        }
        long tq = q.dim(0);
        long tk = k.dim(0);
        long macs = tq * tk * q.dim(1) + tq * tk * v.dim(1);
        return new LayerOutput(List.of(Shape.of(q.dim(0), v.dim(1)), Shape.of(q.dim(0), k.dim(0))), 0, macs);
    }

    /** PyTorch nn.MultiheadAttention with kdim/vdim: q, k, v projections with one bias each, output projection. */
    static long attentionParams(long d, long keyWidth, long valueWidth) {
        return d * d + d * keyWidth + d * valueWidth + 3 * d + d * d + d;
    }

    static long attentionMacs(long d, long tq, long tk, long keyWidth, long valueWidth) {
        long projections = tq * d * d + tk * keyWidth * d + tk * valueWidth * d + tq * d * d;
        return projections + 2 * tq * tk * d;
    }

    private static LayerOutput multiHead(LayerParams p, List<Shape> in) {
        List<Shape> qkv = attentionInputs(p, in);
        Shape q = qkv.get(0);
        Shape k = qkv.get(1);
        Shape v = qkv.get(2);
        int d = p.getInt("d_model");
        requireWidth("query", q, d);
        requireHeads(p);
        long params = attentionParams(d, k.dim(1), v.dim(1));
        long macs = attentionMacs(d, q.dim(0), k.dim(0), k.dim(1), v.dim(1));
        return new LayerOutput(List.of(Shape.of(q.dim(0), d), Shape.of(p.getInt("heads"), q.dim(0), k.dim(0))),
                params, macs);
    }

    private static LayerOutput positional(LayerParams p, List<Shape> in) {
        Shape x = requireSequence("in", in.get(0));
        int max = p.getInt("max_len");
        if (x.dim(0) > max) {
            throw new ShapeMismatch("takes sequences of at most max_len = " + max + " steps, but got " + x.describe());
        }
        long params = p.getString("kind").equals("learned") ? (long) max * x.dim(1) : 0;
        return LayerOutput.of(x, params, 0);
    }

    static long feedForwardParams(long d, long hidden) {
        return 2 * d * hidden + hidden + d;
    }

    private static LayerOutput feedForward(LayerParams p, List<Shape> in) {
        Shape x = requireSequence("in", in.get(0));
        long d = x.dim(1);
        long h = p.getInt("hidden");
        return LayerOutput.of(x, feedForwardParams(d, h), x.dim(0) * 2 * d * h);
    }

    private static LayerOutput encoder(LayerParams p, List<Shape> in) {
        Shape x = requireSequence("in", in.get(0));
        int d = p.getInt("d_model");
        requireWidth("in", x, d);
        requireHeads(p);
        long ff = p.getInt("ff_dim");
        long t = x.dim(0);
        long params = attentionParams(d, d, d) + feedForwardParams(d, ff) + 2 * 2L * d;
        long macs = attentionMacs(d, t, t, d, d) + t * 2 * d * ff;
        return LayerOutput.of(x, params, macs);
    }

    private static LayerOutput decoder(LayerParams p, List<Shape> in) {
        Shape x = requireSequence("in", in.get(0));
        Shape memory = requireSequence("memory", in.get(1));
        int d = p.getInt("d_model");
        requireWidth("in", x, d);
        requireWidth("memory", memory, d);
        requireHeads(p);
        long ff = p.getInt("ff_dim");
        long t = x.dim(0);
        long params = 2 * attentionParams(d, d, d) + feedForwardParams(d, ff) + 3 * 2L * d;
        long macs = attentionMacs(d, t, t, d, d) + attentionMacs(d, t, memory.dim(0), d, d) + t * 2 * d * ff;
        return LayerOutput.of(x, params, macs);
    }

    private static LayerOutput patches(LayerParams p, List<Shape> in) {
        Shape x = in.get(0);
        if (x.rank() != 3) {
            throw new ShapeMismatch("expects an image C×H×W, but got " + x.describe());
        }
        int patch = p.getInt("patch");
        if (x.dim(1) % patch != 0 || x.dim(2) % patch != 0) {
            throw new ShapeMismatch("needs height and width divisible by the patch size " + patch + ", but got "
                    + x.describe());
        }
        int d = p.getInt("embed_dim");
        int count = (x.dim(1) / patch) * (x.dim(2) / patch);
        long perPatch = (long) x.dim(0) * patch * patch;
        return LayerOutput.of(Shape.of(count, d), perPatch * d + d, perPatch * d * count);
    }

    private static LayerOutput classToken(LayerParams p, List<Shape> in) {
        Shape x = requireSequence("in", in.get(0));
        return LayerOutput.of(Shape.of(x.dim(0) + 1, x.dim(1)), x.dim(1), 0);
    }
}
