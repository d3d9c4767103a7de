package org.netwright.runner.optim;

import ai.djl.ndarray.NDArray;

/** AdaGrad as PyTorch's {@code Adagrad} (no rate decay): {@code s += g^2; w -= lr * g / (sqrt(s) + eps)}. */
final class AdaGradRule extends ScheduledOptimizer {
    private final float epsilon;

    AdaGradRule(Schedule schedule, double epsilon, double weightDecay, double l1) {
        super("adagrad", schedule, weightDecay, l1, false, 1);
        this.epsilon = (float) epsilon;
    }

    @Override
    void apply(NDArray weight, NDArray grad, NDArray[] state, long t, float lr) {
        NDArray sum = state[0];
        try (NDArray square = grad.square()) {
            sum.addi(square);
        }
        try (NDArray denominator = sum.sqrt()) {
            weight.subi(grad.divi(denominator.addi(epsilon)).muli(lr));
        }
    }
}
