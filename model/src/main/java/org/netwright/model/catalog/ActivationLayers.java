package org.netwright.model.catalog;

import java.util.List;
import org.netwright.model.shape.LayerOutput;

/** Element-wise non-linearities and softmax; none has parameters and all keep the shape. */
final class ActivationLayers {
    private ActivationLayers() {
    }

    static List<LayerSpec> all() {
        return List.of(
                activation("relu", "ReLU",
                        "max(0, x): passes positives, zeroes negatives. The default choice between layers; cheap and "
                                + "keeps gradients alive for positive inputs."),
                activation("sigmoid", "Sigmoid",
                        "1 / (1 + e^-x): squashes values into (0, 1). Use it for a yes/no output or a gate; deep stacks of "
                                + "it learn slowly because its gradient is at most 0.25."),
                activation("tanh", "Tanh",
                        "tanh(x): squashes values into (-1, 1), centred on zero. Common in recurrent nets and small MLPs."),
                activation("softmax", "Softmax",
                        "e^x_i / Σ e^x_j over the last axis: turns scores into probabilities that sum to 1. Put it last "
                                + "in a classifier; cross-entropy training works on the scores before it."));
    }

    private static LayerSpec activation(String id, String name, String explanation) {
        return new LayerSpec(id, name, LayerFamily.ACTIVATION, explanation, List.of(), Ports.single(), Ports.OUT,
                (p, in) -> LayerOutput.of(in.get(0)));
    }
}
