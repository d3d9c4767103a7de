package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * ViT patch embedding: a convolution with kernel and stride p (child {@code projection}) maps each
 * p×p patch of a B×C×H×W image to a D-vector; the grid is read row by row into B×(H/p·W/p)×D.
 */
public final class PatchEmbeddingBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int embedDim;
    private final int patch;
    private final Conv2d projection;

    public PatchEmbeddingBlock(int patch, int embedDim) {
        super(VERSION);
        this.patch = patch;
        this.embedDim = embedDim;
        projection = addChildBlock("projection", Conv2d.builder().setFilters(embedDim)
                .setKernelShape(new Shape(patch, patch)).optStride(new Shape(patch, patch)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray y = projection.forward(store, inputs, training, params).singletonOrThrow();
        long batch = y.getShape().get(0);
        return new NDList(y.reshape(batch, embedDim, -1).transpose(0, 2, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), (in.get(2) / patch) * (in.get(3) / patch), embedDim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        projection.initialize(manager, dataType, inputShapes);
    }
}
