package org.netwright.runner.compile;

import ai.djl.nn.Activation;
import java.util.Map;

/** Element-wise activations and softmax on DJL. */
final class ActivationOps {
    private ActivationOps() {
    }

    static void register(Map<String, LayerImplementation> into) {
        into.put("relu", LayerImplementation.stateless(p -> NodeOp.of(in -> Activation.relu(in.get(0)))));
        into.put("sigmoid", LayerImplementation.stateless(p -> NodeOp.of(in -> Activation.sigmoid(in.get(0)))));
        into.put("tanh", LayerImplementation.stateless(p -> NodeOp.of(in -> Activation.tanh(in.get(0)))));
        into.put("softmax", LayerImplementation.stateless(p -> NodeOp.of(in -> in.get(0).softmax(-1))));
    }
}
