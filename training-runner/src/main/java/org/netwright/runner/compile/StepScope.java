package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;

/**
 * Keeps arrays derived from a weight (a flipped kernel, a reshaped bias) with the step's activations. An op puts its
 * result in its first operand's manager, and a weight lives in the model's manager, which is closed only with the
 * model: left there, such arrays piled up every forward pass (a DCGAN run grew by about 100 MB an epoch).
 */
final class StepScope {
    private StepScope() {
    }

    /** Moves {@code derived} into the manager of {@code input} (the layer's input, made in the step) and returns it. */
    static NDArray with(NDArray input, NDArray derived) {
        derived.attach(input.getManager());
        return derived;
    }
}
