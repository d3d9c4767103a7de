package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.netwright.runner.nd.Scalars;

/**
 * The general message-passing layer on inputs [features B×N×F, adjacency B×N×N]:
 * m_i = AGG over neighbours j (A_ij ≠ 0) of W_msg h_j, h_i' = act(W_self h_i + m_i + b),
 * with AGG sum, mean or max; a node without neighbours gets m_i = 0.
 */
final class MessagePassingBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int units;
    private final String aggregation;
    private final String activation;
    private final Parameter selfWeight;
    private final Parameter messageWeight;
    private final Parameter bias;

    MessagePassingBlock(int features, int units, String aggregation, String activation, boolean bias) {
        super(VERSION);
        this.units = units;
        this.aggregation = aggregation;
        this.activation = activation;
        this.selfWeight = addParameter(Parameter.builder().setName("self_weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(features, units)).build());
        this.messageWeight = addParameter(Parameter.builder().setName("message_weight")
                .setType(Parameter.Type.WEIGHT).optShape(new Shape(features, units)).build());
        this.bias = bias ? addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(units)).build()) : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray h = inputs.get(0);
        NDArray edges = GraphMath.edges(inputs.get(1));
        NDArray messages = h.matMul(store.getValue(messageWeight, h.getDevice(), training));
        NDArray out = h.matMul(store.getValue(selfWeight, h.getDevice(), training))
                .add(aggregate(edges, messages));
        if (bias != null) {
            out = out.add(store.getValue(bias, h.getDevice(), training));
        }
        return new NDList(switch (activation) {
            case "relu" -> Scalars.maximum(out, 0);
            case "tanh" -> out.tanh();
            default -> out;
        });
    }

    private NDArray aggregate(NDArray edges, NDArray messages) {
        NDArray degree = edges.sum(new int[] {2}).expandDims(2);
        return switch (aggregation) {
            case "sum" -> edges.matMul(messages);
            // Dividing by max(degree, 1) leaves an isolated node's zero sum at zero.
            case "mean" -> edges.matMul(messages).div(degree.maximum(1f));
            case "max" -> {
                // B×N(i)×N(j)×units: j's message where j neighbours i, a huge negative number elsewhere.
                NDArray candidates = messages.expandDims(1).add(edges.expandDims(3).sub(1).mul(-GraphMath.MASKED));
                yield candidates.max(new int[] {2}).mul(degree.gt(0).toType(messages.getDataType(), false));
            }
            default -> throw new IllegalArgumentException("Unknown aggregation " + aggregation);
        };
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), units)};
    }
}
