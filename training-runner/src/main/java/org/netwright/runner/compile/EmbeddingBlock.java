package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/**
 * Looks up row {@code id} of {@code weight} (V×D, from N(0, 1) as PyTorch starts it) for every token
 * id: B×T ids carried as floats become B×T×D. Positions holding the padding id give zeros and pass
 * no gradient to that row, which is what PyTorch's padding_idx amounts to.
 */
public final class EmbeddingBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int paddingId;
    private final Parameter weight;

    public EmbeddingBlock(int vocabulary, int dimension, int paddingId, boolean trainable) {
        super(VERSION);
        this.paddingId = paddingId;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(1f)).optShape(new Shape(vocabulary, dimension))
                .optRequiresGrad(trainable).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray tokens = inputs.singletonOrThrow();
        NDArray ids = tokens.toType(DataType.INT64, false);
        NDArray w = store.getValue(weight, tokens.getDevice(), training);
        NDArray out = tokens.getNDArrayInternal().embedding(ids, w, SparseFormat.DENSE).singletonOrThrow();
        if (paddingId >= 0) {
            NDArray keep = tokens.neq(paddingId).toType(DataType.FLOAT32, false).expandDims(-1);
            out = out.mul(keep);
        }
        return new NDList(out);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {in.add(weight.getShape().get(1))};
    }
}
