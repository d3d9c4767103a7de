package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

/** Puts a learned D-vector (parameter {@code token}, from N(0, 0.02²)) before step 0: B×T×D becomes B×(T+1)×D. */
public final class ClassTokenBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Parameter token;

    public ClassTokenBlock(int width) {
        super(VERSION);
        token = addParameter(Parameter.builder().setName("token").setType(Parameter.Type.WEIGHT)
                .optInitializer(new NormalInitializer(0.02f)).optShape(new Shape(width)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long batch = x.getShape().get(0);
        long width = x.getShape().get(2);
        NDArray t = StepScope.with(x, store.getValue(token, x.getDevice(), training).reshape(1, 1, width))
                .broadcast(new Shape(batch, 1, width));
        return new NDList(NDArrays.concat(new NDList(t, x), 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1) + 1, in.get(2))};
    }
}
