package org.netwright.runner.compile;

import static org.netwright.runner.compile.TransformerEncoderLayer.norm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A Transformer decoder block as PyTorch's nn.TransformerDecoderLayer: (causal) self-attention over
 * the target, cross-attention from the target to the encoder's memory, and a feed-forward net, each
 * with dropout, a residual connection and a LayerNorm (pre-LN or post-LN). Inputs: target and memory.
 */
public final class TransformerDecoderLayer extends AbstractBlock {
    private static final byte VERSION = 1;

    private final boolean normFirst;
    private final float dropout;
    private final MultiHeadAttentionBlock selfAttention;
    private final MultiHeadAttentionBlock crossAttention;
    private final FeedForwardBlock feedForward;
    private final TransformerNorm norm1;
    private final TransformerNorm norm2;
    private final TransformerNorm norm3;

    public TransformerDecoderLayer(int dModel, int heads, int ffDim, String activation, float dropout,
                                   boolean normFirst, boolean causal) {
        super(VERSION);
        this.normFirst = normFirst;
        this.dropout = dropout;
        selfAttention = addChildBlock("self_attention",
                new MultiHeadAttentionBlock(dModel, heads, causal, dropout, null));
        crossAttention = addChildBlock("cross_attention",
                new MultiHeadAttentionBlock(dModel, heads, false, dropout, null));
        feedForward = addChildBlock("feed_forward", new FeedForwardBlock(dModel, ffDim, activation, dropout));
        norm1 = addChildBlock("norm1", new TransformerNorm(dModel));
        norm2 = addChildBlock("norm2", new TransformerNorm(dModel));
        norm3 = addChildBlock("norm3", new TransformerNorm(dModel));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray memory = inputs.get(1);
        if (normFirst) {
            NDArray n = norm(norm1, store, x, training, params);
            x = x.add(drop(selfAttention.selfAttention(store, n, training, params).get(0), training));
            n = norm(norm2, store, x, training, params);
            x = x.add(drop(cross(store, n, memory, training, params), training));
            n = norm(norm3, store, x, training, params);
            x = x.add(drop(feedForward.forward(store, new NDList(n), training, params).singletonOrThrow(), training));
        } else {
            NDArray a = selfAttention.selfAttention(store, x, training, params).get(0);
            x = norm(norm1, store, x.add(drop(a, training)), training, params);
            x = norm(norm2, store, x.add(drop(cross(store, x, memory, training, params), training)), training, params);
            NDArray f = feedForward.forward(store, new NDList(x), training, params).singletonOrThrow();
            x = norm(norm3, store, x.add(drop(f, training)), training, params);
        }
        return new NDList(x);
    }

    private NDArray cross(ParameterStore store, NDArray x, NDArray memory, boolean training,
                          PairList<String, Object> params) {
        return crossAttention.forward(store, new NDList(x, memory, memory), training, params).get(0);
    }

    private NDArray drop(NDArray x, boolean training) {
        return dropout > 0 ? Dropout.dropout(x, dropout, training).singletonOrThrow() : x;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        Shape memory = inputShapes[1];
        selfAttention.initialize(manager, dataType, x, x, x);
        crossAttention.initialize(manager, dataType, x, memory, memory);
        feedForward.initialize(manager, dataType, x);
        norm1.initialize(manager, dataType, x);
        norm2.initialize(manager, dataType, x);
        norm3.initialize(manager, dataType, x);
    }
}
