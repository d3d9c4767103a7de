package org.netwright.runner.optim;

import ai.djl.ndarray.NDArray;

/**
 * RMSprop as PyTorch's {@code RMSprop} (not centered, no momentum):
 * {@code v = alpha*v + (1-alpha)*g^2; w -= lr * g / (sqrt(v) + eps)}.
 */
final class RmsPropRule extends ScheduledOptimizer {
    private final float alpha;
    private final float epsilon;

    RmsPropRule(Schedule schedule, double alpha, double epsilon, double weightDecay, double l1) {
        super("rmsprop", schedule, weightDecay, l1, false, 1);
        this.alpha = (float) alpha;
        this.epsilon = (float) epsilon;
    }

    @Override
    void apply(NDArray weight, NDArray grad, NDArray[] state, long t, float lr) {
        NDArray average = state[0];
        average.muli(alpha);
        try (NDArray square = grad.square()) {
            average.addi(square.muli(1 - alpha));
        }
        try (NDArray denominator = average.sqrt()) {
            weight.subi(grad.divi(denominator.addi(epsilon)).muli(lr));
        }
    }
}
