package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
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
        long width = x.getShape().get(x.getShape().dimension() - 1);
        NDArray w = store.getValue(weight, x.getDevice(), training);
        NDArray b = store.getValue(bias, x.getDevice(), training);
        // libtorch's fused layer_norm (biased variance, as PyTorch's nn.LayerNorm): one op forward and one backward
        // instead of nine, which made a Transformer step slower than the same model in plain DJL.
        return LayerNorm.layerNorm(x, new Shape(width), w, b, EPSILON);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
