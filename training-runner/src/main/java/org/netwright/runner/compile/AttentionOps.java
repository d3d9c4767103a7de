package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netwright.model.catalog.LayerParams;
import org.netwright.model.shape.Shape;

/** Attention and Transformer layers, written with NDArray operations where DJL has no working block. */
final class AttentionOps {
    private AttentionOps() {
    }

    static void register(Map<String, LayerImplementation> into) {
        into.put("scaled_dot_product_attention", LayerImplementation.stateless(p -> {
            boolean causal = p.getBool("causal");
            boolean padding = p.getBool("padding_mask");
            int paddingId = p.getInt("padding_id");
            return (store, in, training, params) -> {
                NDArray q = in.get(0);
                long tq = q.getShape().get(1);
                long tk = in.get(1).getShape().get(1);
                NDArray mask = AttentionKernel.mask(q.getManager(), causal, padding ? in.get(3) : null, paddingId,
                        tq, tk, false);
                return AttentionKernel.attend(q, in.get(1), in.get(2), mask, 0f, training);
            };
        }));
        into.put("multi_head_attention", LayerImplementation.block((p, in) -> new MultiHeadAttentionBlock(
                p.getInt("d_model"), p.getInt("heads"), p.getBool("causal"), (float) p.getDouble("dropout"),
                p.getBool("padding_mask") ? p.getInt("padding_id") : null)));
        into.put("positional_encoding", new PositionalEncoding());
        into.put("feed_forward", LayerImplementation.block((p, in) -> new FeedForwardBlock(in.get(0).dim(1),
                p.getInt("hidden"), p.getString("activation"), (float) p.getDouble("dropout"))));
        into.put("transformer_encoder_block", LayerImplementation.block((p, in) -> new TransformerEncoderLayer(
                p.getInt("d_model"), p.getInt("heads"), p.getInt("ff_dim"), p.getString("activation"),
                (float) p.getDouble("dropout"), p.getBool("norm_first"))));
        into.put("transformer_decoder_block", LayerImplementation.block((p, in) -> new TransformerDecoderLayer(
                p.getInt("d_model"), p.getInt("heads"), p.getInt("ff_dim"), p.getString("activation"),
                (float) p.getDouble("dropout"), p.getBool("norm_first"), p.getBool("causal"))));
        into.put("patch_embedding", LayerImplementation.block((p, in) ->
                new PatchEmbeddingBlock(p.getInt("patch"), p.getInt("embed_dim"))));
        into.put("class_token", LayerImplementation.block((p, in) -> new ClassTokenBlock(in.get(0).dim(1))));
    }

    /** Learned encodings are a block with weights; the sinusoidal table is a constant computed once per node. */
    private static final class PositionalEncoding implements LayerImplementation {
        @Override
        public Optional<Block> weights(LayerParams params, List<Shape> inputShapes) {
            if (!"learned".equals(params.getString("kind"))) {
                return Optional.empty();
            }
            return Optional.of(new PositionalEncodingBlock(params.getInt("max_len"), inputShapes.get(0).dim(1)));
        }

        @Override
        public NodeOp op(LayerParams params, Block weights, List<Shape> inputShapes) {
            if (weights != null) {
                return NodeOp.viaBlock(weights);
            }
            int steps = inputShapes.get(0).dim(0);
            int width = inputShapes.get(0).dim(1);
            float[] table = PositionalEncodingBlock.sinusoidal(steps, width);
            return NodeOp.of(in -> in.get(0).add(in.get(0).getManager()
                    .create(table, new ai.djl.ndarray.types.Shape(steps, width))));
        }
    }
}
