package org.netwright.runner.optim;

import ai.djl.ndarray.NDArray;

/**
 * Stochastic gradient descent, optionally with (Nesterov) momentum, as PyTorch's {@code SGD} with
 * dampening 0: plain {@code w -= lr*g}; momentum {@code b = mu*b + g; w -= lr*b}; Nesterov
 * {@code b = mu*b + g; w -= lr*(g + mu*b)}.
 */
final class SgdRule extends ScheduledOptimizer {
    private final float momentum;
    private final boolean nesterov;

    SgdRule(String name, Schedule schedule, double momentum, boolean nesterov, double weightDecay, double l1) {
        super(name, schedule, weightDecay, l1, false, momentum == 0 ? 0 : 1);
        this.momentum = (float) momentum;
        this.nesterov = nesterov;
    }

    @Override
    void apply(NDArray weight, NDArray grad, NDArray[] state, long t, float lr) {
        if (momentum == 0) {
            weight.subi(grad.muli(lr));
            return;
        }
        NDArray buffer = state[0];
        buffer.muli(momentum).addi(grad);
        if (nesterov) {
            try (NDArray ahead = buffer.mul(momentum)) {
                weight.subi(grad.addi(ahead).muli(lr));
            }
        } else {
            try (NDArray step = buffer.mul(lr)) {
                weight.subi(step);
            }
        }
    }
}
