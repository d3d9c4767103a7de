package org.netwright.runner.compile;

import ai.djl.nn.Activation;
import java.util.Map;
import org.netwright.model.catalog.LayerParams;
import org.netwright.runner.nd.Scalars;

/** Element-wise activations and (log-)softmax on DJL; PReLU is our own block (DJL's fails on PyTorch). */
final class ActivationOps {
    private ActivationOps() {
    }

    /**
     * What a final softmax leaves for the loss when training skips it: the scores divided by its
     * temperature, so that softmax at prediction gives exactly the layer's probabilities.
     */
    static NodeOp softmaxScores(LayerParams p) {
        float temperature = (float) p.getDouble("temperature");
        return NodeOp.of(in -> Scalars.div(in.get(0), temperature));
    }

    static void register(Map<String, LayerImplementation> into) {
        into.put("relu", LayerImplementation.stateless(p -> NodeOp.of(in -> Activation.relu(in.get(0)))));
        into.put("sigmoid", LayerImplementation.stateless(p -> NodeOp.of(in -> Activation.sigmoid(in.get(0)))));
        into.put("tanh", LayerImplementation.stateless(p -> NodeOp.of(in -> Activation.tanh(in.get(0)))));
        into.put("softmax", LayerImplementation.stateless(p -> {
            float temperature = (float) p.getDouble("temperature");
            return NodeOp.of(in -> Scalars.div(in.get(0), temperature).softmax(-1));
        }));
        into.put("leaky_relu", LayerImplementation.stateless(p -> {
            float slope = (float) p.getDouble("slope");
            return NodeOp.of(in -> Activation.leakyRelu(in.get(0), slope));
        }));
        into.put("prelu", LayerImplementation.block((p, in) -> {
            boolean perChannel = p.getBool("per_channel");
            return new PReluBlock(perChannel ? in.get(0).dim(0) : 1, perChannel);
        }));
        into.put("elu", LayerImplementation.stateless(p -> {
            float alpha = (float) p.getDouble("alpha");
            return NodeOp.of(in -> Activation.elu(in.get(0), alpha));
        }));
        into.put("selu", LayerImplementation.stateless(p -> NodeOp.of(in -> Activation.selu(in.get(0)))));
        into.put("gelu", LayerImplementation.stateless(p -> NodeOp.of(in -> Activation.gelu(in.get(0)))));
        // x·sigmoid(x) written out: DJL's Activation.swish multiplies by its beta through a scalar the garbage
        // collector may free before the backward pass reads it (see runner.nd).
        into.put("silu", LayerImplementation.stateless(p -> NodeOp.of(in -> in.get(0).mul(Activation.sigmoid(in.get(0))))));
        into.put("log_softmax", LayerImplementation.stateless(p -> NodeOp.of(in -> in.get(0).logSoftmax(-1))));
    }
}
