package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * LayerNorm over the last axis with a learned scale ({@code weight}, starts at 1) and shift
 * ({@code bias}, starts at 0), as PyTorch's nn.LayerNorm(d_model) inside Transformer blocks.
 */
public final class TransformerNorm extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final float EPSILON = 1e-5f;

    private final Parameter weight;
    private final Parameter bias;

    public TransformerNorm(int width) {
        super(VERSION);
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(width)).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BETA)
                .optShape(new Shape(width)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        int last = x.getShape().dimension() - 1;
        NDArray centred = x.sub(x.mean(new int[] {last}, true));
        // The biased variance (divide by D), as PyTorch's LayerNorm uses.
        NDArray variance = centred.square().mean(new int[] {last}, true);
        NDArray normed = centred.div(variance.add(EPSILON).sqrt());
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = store.getValue(bias, x.getDevice(), training);
        return new NDList(normed.mul(w).add(b));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
