package org.netwright.runner.compile;

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
 * A Transformer encoder block as PyTorch's nn.TransformerEncoderLayer: self-attention and a
 * feed-forward net, each with dropout, a residual connection and a LayerNorm, the norms placed before
 * (pre-LN) or after (post-LN) each sub-layer. DJL's own encoder block uses BatchNorm, so it is not used.
 */
public final class TransformerEncoderLayer extends AbstractBlock {
    private static final byte VERSION = 1;

    private final boolean normFirst;
    private final float dropout;
    private final MultiHeadAttentionBlock attention;
    private final FeedForwardBlock feedForward;
    private final TransformerNorm norm1;
    private final TransformerNorm norm2;

    public TransformerEncoderLayer(int dModel, int heads, int ffDim, String activation, float dropout,
                                   boolean normFirst) {
        super(VERSION);
        this.normFirst = normFirst;
        this.dropout = dropout;
        attention = addChildBlock("self_attention", new MultiHeadAttentionBlock(dModel, heads, false, dropout, null));
        feedForward = addChildBlock("feed_forward", new FeedForwardBlock(dModel, ffDim, activation, dropout));
        norm1 = addChildBlock("norm1", new TransformerNorm(dModel));
        norm2 = addChildBlock("norm2", new TransformerNorm(dModel));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (normFirst) {
            NDArray n = norm(norm1, store, x, training, params);
            x = x.add(drop(attention.selfAttention(store, n, training, params).get(0), training));
            n = norm(norm2, store, x, training, params);
            x = x.add(drop(feedForward.forward(store, new NDList(n), training, params).singletonOrThrow(), training));
        } else {
            NDArray a = attention.selfAttention(store, x, training, params).get(0);
            x = norm(norm1, store, x.add(drop(a, training)), training, params);
            NDArray f = feedForward.forward(store, new NDList(x), training, params).singletonOrThrow();
            x = norm(norm2, store, x.add(drop(f, training)), training, params);
        }
        return new NDList(x);
    }

    static NDArray norm(TransformerNorm norm, ParameterStore store, NDArray x, boolean training,
                        PairList<String, Object> params) {
        return norm.forward(store, new NDList(x), training, params).singletonOrThrow();
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
        attention.initialize(manager, dataType, x, x, x);
        feedForward.initialize(manager, dataType, x);
        norm1.initialize(manager, dataType, x);
        norm2.initialize(manager, dataType, x);
    }
}
