package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** The position-wise feed-forward net: Linear(D→H) ({@code linear1}), ReLU or GELU, dropout, Linear(H→D) ({@code linear2}). */
public final class FeedForwardBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int hidden;
    private final boolean gelu;
    private final float dropout;
    private final Linear linear1;
    private final Linear linear2;

    /** @param activation {@code relu} or {@code gelu} */
    public FeedForwardBlock(int width, int hidden, String activation, float dropout) {
        super(VERSION);
        this.hidden = hidden;
        this.gelu = "gelu".equals(activation);
        this.dropout = dropout;
        linear1 = addChildBlock("linear1", Linear.builder().setUnits(hidden).build());
        linear2 = addChildBlock("linear2", Linear.builder().setUnits(width).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray h = linear1.forward(store, inputs, training, params).singletonOrThrow();
        h = gelu ? Activation.gelu(h) : Activation.relu(h);
        if (dropout > 0) {
            h = Dropout.dropout(h, dropout, training).singletonOrThrow();
        }
        return linear2.forward(store, new NDList(h), training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        linear1.initialize(manager, dataType, in);
        long[] dims = in.getShape().clone();
        dims[dims.length - 1] = hidden;
        linear2.initialize(manager, dataType, new Shape(dims));
    }
}
