package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import java.util.Arrays;
import org.netwright.runner.nd.Scalars;

/**
 * PReLU, max(0, x) + a·min(0, x), with the slope {@code weight} learned and starting at 0.25:
 * one slope for the whole layer, or one per channel (axis 1 with the batch axis), as PyTorch's nn.PReLU.
 */
public final class PReluBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Parameter weight;
    private final boolean perChannel;

    /** @param slopes 1 for a shared slope, else the number of channels */
    public PReluBlock(int slopes, boolean perChannel) {
        super(VERSION);
        this.perChannel = perChannel;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optInitializer(new ConstantInitializer(0.25f)).optShape(new Shape(slopes)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray a = store.getValue(weight, x.getDevice(), training);
        long[] shape = new long[x.getShape().dimension()];
        Arrays.fill(shape, 1);
        if (perChannel) {
            shape[1] = x.getShape().get(1);
        }
        NDArray slope = StepScope.with(x, a.reshape(shape));
        return new NDList(Scalars.maximum(x, 0).add(Scalars.minimum(x, 0).mul(slope)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
