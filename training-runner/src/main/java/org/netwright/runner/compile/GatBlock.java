package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Graph attention (Veličković et al.) on inputs [features B×N×F, adjacency B×N×N]: per head,
 * e_ij = LeakyReLU(att_i·Wh_i + att_j·Wh_j) over j with (A+I)_ij ≠ 0, softmax over j, h_i' = Σ_j α_ij Wh_j;
 * heads concatenated or averaged, then a bias. The pair (att_i, att_j) is the textbook vector a = [a_i ‖ a_j].
 */
final class GatBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int units;
    private final int heads;
    private final boolean concat;
    private final float slope;
    private final Parameter weight;
    private final Parameter attI;
    private final Parameter attJ;
    private final Parameter bias;

    GatBlock(int features, int units, int heads, boolean concat, float slope, boolean bias) {
        super(VERSION);
        this.units = units;
        this.heads = heads;
        this.concat = concat;
        this.slope = slope;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(features, (long) heads * units)).build());
        this.attI = addParameter(Parameter.builder().setName("att_i").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(heads, units)).build());
        this.attJ = addParameter(Parameter.builder().setName("att_j").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(heads, units)).build());
        this.bias = bias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(width())).build()) : null;
    }

    private long width() {
        return concat ? (long) heads * units : units;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray h = inputs.get(0);
        NDArray a = inputs.get(1);
        long b = h.getShape().get(0);
        long n = h.getShape().get(1);
        NDArray w = store.getValue(weight, h.getDevice(), training);
        // B×heads×N×units: each head's projected features.
        NDArray wh = h.matMul(w).reshape(b, n, heads, units).transpose(0, 2, 1, 3);
        NDArray scoreI = wh.mul(StepScope.with(h, store.getValue(attI, h.getDevice(), training).reshape(1, heads, 1, units)))
                .sum(new int[] {3});
        NDArray scoreJ = wh.mul(StepScope.with(h, store.getValue(attJ, h.getDevice(), training).reshape(1, heads, 1, units)))
                .sum(new int[] {3});
        NDArray e = Activation.leakyRelu(scoreI.expandDims(3).add(scoreJ.expandDims(2)), slope);
        NDArray alpha = e.add(GraphMath.attentionMask(a)).softmax(-1);
        NDArray out = alpha.matMul(wh);
        out = concat ? out.transpose(0, 2, 1, 3).reshape(b, n, (long) heads * units) : out.mean(new int[] {1});
        if (bias != null) {
            out = out.add(store.getValue(bias, h.getDevice(), training));
        }
        return new NDList(out);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), width())};
    }
}
