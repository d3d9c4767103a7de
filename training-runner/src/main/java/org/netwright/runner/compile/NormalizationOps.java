package org.netwright.runner.compile;

import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.LayerNorm;
import java.util.Map;

/** Batch, layer and group normalization; group norm is our own block (DJL has none). */
final class NormalizationOps {
    private NormalizationOps() {
    }

    static void register(Map<String, LayerImplementation> into) {
        into.put("batch_norm", LayerImplementation.block((p, in) -> BatchNorm.builder()
                // Axis 1 with the batch axis is our channel axis 0. DJL's momentum is the weight of the old
                // running value, PyTorch's (ours) the weight of the new batch.
                .optAxis(1)
                .optMomentum((float) (1 - p.getDouble("momentum")))
                .optEpsilon((float) p.getDouble("epsilon"))
                .build()));
        into.put("layer_norm", LayerImplementation.block((p, in) -> LayerNorm.builder()
                // DJL wants the axis counted with the batch axis and not negative: the last one is the rank.
                .axis(in.get(0).rank())
                .optEpsilon((float) p.getDouble("epsilon"))
                .build()));
        into.put("group_norm", LayerImplementation.block((p, in) ->
                new GroupNormBlock(in.get(0).dim(0), p.getInt("groups"), (float) p.getDouble("epsilon"))));
    }
}
