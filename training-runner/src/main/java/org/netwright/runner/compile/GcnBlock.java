package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Graph convolution (Kipf and Welling): H' = D^-1/2 (A+I) D^-1/2 H W + b on inputs [features B×N×F,
 * adjacency B×N×N]. DJL has no such block, so it is written with NDArray ops.
 */
final class GcnBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int units;
    private final boolean selfLoops;
    private final Parameter weight;
    private final Parameter bias;

    GcnBlock(int features, int units, boolean bias, boolean selfLoops) {
        super(VERSION);
        this.units = units;
        this.selfLoops = selfLoops;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(features, units)).build());
        this.bias = bias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(units)).build()) : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray h = inputs.get(0);
        NDArray a = inputs.get(1);
        NDArray w = store.getValue(weight, h.getDevice(), training);
        NDArray propagate = GraphMath.propagation(a, selfLoops);
        NDArray out = propagate.matMul(h.matMul(w));
        if (bias != null) {
            out = out.add(store.getValue(bias, h.getDevice(), training));
        }
        return new NDList(out);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), units)};
    }
}
