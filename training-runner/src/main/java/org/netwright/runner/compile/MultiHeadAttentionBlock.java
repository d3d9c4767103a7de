package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head attention as PyTorch's nn.MultiheadAttention: query, key and value projections with
 * biases (children {@code query}, {@code key}, {@code value}), scaled dot-product attention per head,
 * and an output projection ({@code out}). Takes query (B×T_q×d_model), key (B×T_k×k), value
 * (B×T_k×v) and, with a padding mask, the keys' token ids (B×T_k); returns the output
 * (B×T_q×d_model) and the attention weights per head (B×heads×T_q×T_k).
 */
public final class MultiHeadAttentionBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dModel;
    private final int heads;
    private final boolean causal;
    private final float dropout;
    private final int paddingId;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear out;
    /**
     * The 1/√d_head scale and the causal mask, the same every step: made once (by libtorch, so safe on the backward
     * path) with the model's parameters instead of in each forward pass.
     */
    private NDArray scale;
    private NDArray causalMask;

    /** @param paddingId the padding token id, or null when the block takes no key_padding input */
    public MultiHeadAttentionBlock(int dModel, int heads, boolean causal, float dropout, Integer paddingId) {
        super(VERSION);
        this.dModel = dModel;
        this.heads = heads;
        this.causal = causal;
        this.dropout = dropout;
        this.paddingId = paddingId == null ? Integer.MIN_VALUE : paddingId;
        this.query = addChildBlock("query", Linear.builder().setUnits(dModel).build());
        this.key = addChildBlock("key", Linear.builder().setUnits(dModel).build());
        this.value = addChildBlock("value", Linear.builder().setUnits(dModel).build());
        this.out = addChildBlock("out", Linear.builder().setUnits(dModel).build());
    }

    /** The projection named {@code query}, {@code key}, {@code value} or {@code out}, e.g. to read its weights. */
    Linear projection(String name) {
        return switch (name) {
            case "query" -> query;
            case "key" -> key;
            case "value" -> value;
            case "out" -> out;
            default -> throw new IllegalArgumentException("No projection " + name);
        };
    }

    /** Runs self-attention: the same array as query, key and value. */
    NDList selfAttention(ParameterStore store, NDArray x, boolean training, PairList<String, Object> params) {
        return forward(store, new NDList(x, x, x), training, params);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray xq = inputs.get(0);
        long batch = xq.getShape().get(0);
        long tq = xq.getShape().get(1);
        long tk = inputs.get(1).getShape().get(1);
        NDArray q = split(query.forward(store, new NDList(xq), training, params).singletonOrThrow(), batch, tq);
        NDArray k = split(key.forward(store, new NDList(inputs.get(1)), training, params).singletonOrThrow(), batch, tk);
        NDArray v = split(value.forward(store, new NDList(inputs.get(2)), training, params).singletonOrThrow(), batch, tk);
        NDArray ids = inputs.size() > 3 ? inputs.get(3) : null;
        NDArray mask = AttentionKernel.mask(causal ? causalMask(store, xq, tq, tk) : null, ids, paddingId, true);
        NDList attended = AttentionKernel.attend(q, k, v, mask, scale(store, q), dropout, training);
        // Heads back side by side: (B, H, T_q, d_head) -> (B, T_q, d_model).
        NDArray joined = attended.get(0).transpose(0, 2, 1, 3).reshape(batch, tq, dModel);
        NDArray y = out.forward(store, new NDList(joined), training, params).singletonOrThrow();
        return new NDList(y, attended.get(1));
    }

    /**
     * The kept scale for queries like {@code q}, made again when it is gone (its manager closed) or on another device.
     * Results of ops with it land in the other operand's manager, as it is always the second.
     */
    private NDArray scale(ParameterStore store, NDArray q) {
        if (scale == null || scale.isReleased() || !scale.getDevice().equals(q.getDevice())
                || scale.getDataType() != q.getDataType()) {
            scale = store.getManager().full(new Shape(), AttentionKernel.scale(dModel / heads), q.getDataType(),
                    q.getDevice());
        }
        return scale;
    }

    /** The kept causal mask T_q×T_k, made again for other lengths or when gone. */
    private NDArray causalMask(ParameterStore store, NDArray xq, long tq, long tk) {
        if (causalMask == null || causalMask.isReleased() || !causalMask.getShape().equals(new Shape(tq, tk))
                || !causalMask.getDevice().equals(xq.getDevice())) {
            if (causalMask != null && !causalMask.isReleased()) {
                causalMask.close();
            }
            NDManager m = store.getManager();
            causalMask = AttentionKernel.causal(m.getDevice().equals(xq.getDevice()) ? m : xq.getManager(), tq, tk);
        }
        return causalMask;
    }

    /** (B, T, d_model) -> (B, heads, T, d_model / heads). */
    private NDArray split(NDArray x, long batch, long steps) {
        return x.reshape(batch, steps, heads, dModel / heads).transpose(0, 2, 1, 3);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        long tq = inputShapes[0].get(1);
        long tk = inputShapes[1].get(1);
        return new Shape[] {new Shape(batch, tq, dModel), new Shape(batch, heads, tq, tk)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        query.initialize(manager, dataType, inputShapes[0]);
        key.initialize(manager, dataType, inputShapes[1]);
        value.initialize(manager, dataType, inputShapes[2]);
        out.initialize(manager, dataType, new Shape(inputShapes[0].get(0), inputShapes[0].get(1), dModel));
    }
}
