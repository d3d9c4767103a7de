package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import org.netwright.runner.nd.Scalars;

/**
 * Scaled dot-product attention and its masks, shared by the attention and Transformer blocks.
 * Arrays are batch-first, with any number of leading axes (batch, heads) before the last two.
 */
final class AttentionKernel {
    /**
     * Added to the score of a masked pair. A large finite number, not −∞: a query whose keys are all
     * masked then spreads its weight evenly instead of turning the whole batch into NaN.
     */
    static final float MASKED = -1e9f;

    private AttentionKernel() {
    }

    /**
     * softmax(Q·Kᵀ/√d_k + mask)·V. {@code mask} is added to the scores (0 keep, {@link #MASKED} drop) and
     * broadcasts against (..., T_q, T_k); null means none. Returns the output (..., T_q, d_v) and the
     * attention weights (..., T_q, T_k), the latter as they were before dropout.
     */
    static NDList attend(NDArray q, NDArray k, NDArray v, NDArray mask, float dropout, boolean training) {
        return attend(q, k, v, mask, null, dropout, training);
    }

    /** 1/√d_k for queries and keys of width {@code d}: what {@link #attend} multiplies the scores by. */
    static float scale(long d) {
        return (float) (1.0 / Math.sqrt(d));
    }

    /**
     * As above with the scale given as a 0-dimensional array ({@link #scale} of the keys' width, made by libtorch,
     * kept by the block from step to step), or null to make it here.
     */
    static NDList attend(NDArray q, NDArray k, NDArray v, NDArray mask, NDArray scale, float dropout,
                         boolean training) {
        int rank = k.getShape().dimension();
        NDArray product = q.matMul(k.swapAxes(rank - 1, rank - 2));
        NDArray scores = scale != null ? product.mul(scale) : Scalars.mul(product, scale(q.getShape().get(rank - 1)));
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray weights = scores.softmax(-1);
        NDArray used = dropout > 0 ? Dropout.dropout(weights, dropout, training).singletonOrThrow() : weights;
        return new NDList(used.matMul(v), weights);
    }

    /** 0 where key j ≤ query i, {@link #MASKED} above that diagonal: shape T_q×T_k. */
    static NDArray causal(NDManager manager, long tq, long tk) {
        float[] values = new float[Math.toIntExact(tq * tk)];
        for (int i = 0; i < tq; i++) {
            for (int j = 0; j < tk; j++) {
                values[(int) (i * tk + j)] = j <= i ? 0f : MASKED;
            }
        }
        return manager.create(values, new Shape(tq, tk));
    }

    /** {@link #MASKED} where a key's token id equals {@code paddingId}, else 0: (B, T_k) ids give (B, T_k). */
    static NDArray padding(NDArray ids, int paddingId) {
        NDArray isPad = ids.toType(DataType.FLOAT32, false).eq(paddingId).toType(DataType.FLOAT32, false);
        return isPad.mul(MASKED);
    }

    /**
     * The additive mask for the options that are on, shaped to broadcast against scores (B, [H,] T_q, T_k),
     * or null when none is on. {@code ids} are the key_padding port's token ids (B, T_k) or null.
     */
    static NDArray mask(NDManager manager, boolean causal, NDArray ids, int paddingId, long tq, long tk,
                        boolean withHeads) {
        return mask(causal ? causal(manager, tq, tk) : null, ids, paddingId, withHeads);
    }

    /** As above with the causal mask given ({@link #causal}, or null for none). */
    static NDArray mask(NDArray causal, NDArray ids, int paddingId, boolean withHeads) {
        NDArray mask = causal;
        if (ids != null) {
            long tk = ids.getShape().get(1);
            long batch = ids.getShape().get(0);
            NDArray pad = padding(ids, paddingId);
            pad = withHeads ? pad.reshape(batch, 1, 1, tk) : pad.reshape(batch, 1, tk);
            mask = mask == null ? pad : pad.add(mask);
        }
        return mask;
    }
}
