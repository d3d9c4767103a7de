package org.netwright.runner.compile;

import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.util.Map;

/** Dense, Flatten, Dropout and Embedding. */
final class CoreOps {
    private CoreOps() {
    }

    static void register(Map<String, LayerImplementation> into) {
        into.put("dense", LayerImplementation.block((p, in) ->
                Linear.builder().setUnits(p.getInt("units")).optBias(p.getBool("bias")).build()));
        into.put("flatten", LayerImplementation.stateless(p ->
                NodeOp.of(in -> in.get(0).reshape(in.get(0).getShape().get(0), -1))));
        into.put("dropout", LayerImplementation.stateless(p -> {
            float rate = (float) p.getDouble("rate");
            return (store, in, training, params) -> Dropout.dropout(in.get(0), rate, training);
        }));
        into.put("embedding", LayerImplementation.block((p, in) -> new EmbeddingBlock(p.getInt("vocabulary"),
                p.getInt("dimension"), p.getInt("padding_id"), p.getBool("trainable"))));
    }
}
