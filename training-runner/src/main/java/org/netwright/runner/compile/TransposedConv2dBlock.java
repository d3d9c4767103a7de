package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;

/**
 * A transposed 2-D convolution (DJL's Conv2dTranspose is not implemented on the PyTorch engine).
 * {@code weight} is laid out as PyTorch's, C_in×C_out×k×k, plus an optional {@code bias} of C_out.
 * It is computed as an ordinary convolution: insert stride−1 zeros between input pixels, pad
 * k−1−pad on each side (output_padding more at the bottom and right), and convolve with the kernel
 * flipped in space and with its two channel axes swapped.
 */
public final class TransposedConv2dBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int kernel;
    private final int stride;
    private final int pad;
    private final int outputPadding;
    private final Parameter weight;
    private final Parameter bias;

    public TransposedConv2dBlock(int inChannels, int filters, int kernel, int stride, int pad, int outputPadding,
                                 boolean withBias) {
        super(VERSION);
        this.kernel = kernel;
        this.stride = stride;
        this.pad = pad;
        this.outputPadding = outputPadding;
        weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(inChannels, filters, kernel, kernel)).build());
        bias = withBias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(filters)).build()) : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray spread = spaceOut(spaceOut(x, 2), 3);
        int border = kernel - 1 - pad;
        int lo = Math.max(border, 0);
        // F.pad order: last axis first (left, right), then the one before it (top, bottom).
        NDArray padded = spread.pad(new Shape(lo, lo + outputPadding, lo, lo + outputPadding), 0);
        if (border < 0) {
            int cut = -border;
            long h = padded.getShape().get(2);
            long w = padded.getShape().get(3);
            padded = padded.get(new NDIndex(":, :, {}:{}, {}:{}", cut, h - cut, cut, w - cut));
        }
        NDArray w = StepScope.with(x, store.getValue(weight, x.getDevice(), training).flip(2, 3)).transpose(1, 0, 2, 3);
        NDArray out = Conv2d.conv2d(padded, w).singletonOrThrow();
        if (bias != null) {
            NDArray b = store.getValue(bias, x.getDevice(), training);
            out = out.add(StepScope.with(x, b.reshape(1, b.getShape().get(0), 1, 1)));
        }
        return new NDList(out);
    }

    /** Puts stride−1 zeros between neighbouring values along {@code axis} (length L becomes (L−1)·stride+1). */
    private NDArray spaceOut(NDArray x, int axis) {
        if (stride == 1) {
            return x;
        }
        NDList slots = new NDList(x);
        NDArray zeros = x.zerosLike();
        for (int i = 1; i < stride; i++) {
            slots.add(zeros);
        }
        // Stacking after the axis interleaves each value with its zeros; merging the two axes lays them in a row.
        NDArray stacked = NDArrays.stack(slots, axis + 1);
        Shape s = x.getShape();
        long length = s.get(axis);
        long[] merged = s.getShape().clone();
        merged[axis] = length * stride;
        NDArray flat = stacked.reshape(merged);
        String[] ranges = new String[s.dimension()];
        Arrays.fill(ranges, ":");
        ranges[axis] = "0:" + ((length - 1) * stride + 1);
        return flat.get(String.join(",", ranges));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long filters = weight.getShape().get(1);
        long extra = -2L * pad + kernel + outputPadding;
        return new Shape[] {new Shape(in.get(0), filters, (in.get(2) - 1) * stride + extra,
                (in.get(3) - 1) * stride + extra)};
    }
}
