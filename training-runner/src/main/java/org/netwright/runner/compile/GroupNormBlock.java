package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * Group normalization of channels-first arrays (B×C×...): the C channels fall into G groups, each
 * group of each sample is brought to mean 0 and variance 1, then every channel is scaled by
 * {@code weight} (starts at 1) and shifted by {@code bias} (starts at 0), as PyTorch's nn.GroupNorm.
 */
public final class GroupNormBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int groups;
    private final float epsilon;
    private final Parameter weight;
    private final Parameter bias;

    public GroupNormBlock(int channels, int groups, float epsilon) {
        super(VERSION);
        this.groups = groups;
        this.epsilon = epsilon;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(channels)).build());
        bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BETA)
                .optShape(new Shape(channels)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long channels = shape.get(1);
        // One row per (sample, group): the statistics are then means over a single axis, which DJL's
        // PyTorch engine supports (multi-axis mean does not work there).
        NDArray rows = x.reshape(batch, groups, -1);
        NDArray centred = rows.sub(rows.mean(new int[] {2}, true));
        NDArray variance = centred.square().mean(new int[] {2}, true);
        NDArray normed = centred.div(variance.add(epsilon).sqrt()).reshape(shape);
        long[] perChannel = new long[shape.dimension()];
        Arrays.fill(perChannel, 1);
        perChannel[1] = channels;
        NDArray w = StepScope.with(x, store.getValue(weight, x.getDevice(), training).reshape(perChannel));
        NDArray b = StepScope.with(x, store.getValue(bias, x.getDevice(), training).reshape(perChannel));
        return new NDList(normed.mul(w).add(b));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
