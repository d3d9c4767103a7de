package org.netwright.runner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.pytorch.engine.PtNDArray;

/**
 * Adam and AdamW as PyTorch's {@code Adam}/{@code AdamW}: {@code m = b1*m + (1-b1)*g;
 * v = b2*v + (1-b2)*g^2; w -= lr * (m/(1-b1^t)) / (sqrt(v/(1-b2^t)) + eps)}; AdamW first shrinks
 * {@code w *= 1 - lr*wd} (decoupled decay). The bias corrections are folded into one step size and
 * epsilon ({@code lr*sqrt(1-b2^t)/(1-b1^t)} and {@code eps*sqrt(1-b2^t)}), which is the same
 * arithmetic with fewer passes over the weights.
 */
final class AdamRule extends ScheduledOptimizer {
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final boolean decoupled;

    AdamRule(String name, Schedule schedule, double beta1, double beta2, double epsilon, double weightDecay,
            double l1, boolean decoupled) {
        super(name, schedule, weightDecay, l1, decoupled, 2);
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.epsilon = (float) epsilon;
        this.decoupled = decoupled;
    }

    /**
     * DJL's engine-side Adam step (one native call per parameter, which also zeroes the gradient) given
     * the folded step size and epsilon, so it computes PyTorch's update; the tests hold it to the
     * textbook values.
     */
    @Override
    boolean fusedUpdate(NDArray weight, NDArray grad, NDArray[] state, long t, float lr, float weightDecay) {
        if (!(weight instanceof PtNDArray)) {
            return false;
        }
        double correction1 = 1 - Math.pow(beta1, t);
        double root2 = Math.sqrt(1 - Math.pow(beta2, t));
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, state[0], state[1]), new NDList(weight), lr,
                (float) (lr * root2 / correction1), weightDecay, 1f, -1f, beta1, beta2, (float) (epsilon * root2), true,
                decoupled);
        return true;
    }

    @Override
    void apply(NDArray weight, NDArray grad, NDArray[] state, long t, float lr) {
        NDArray mean = state[0];
        NDArray variance = state[1];
        double correction1 = 1 - Math.pow(beta1, t);
        double root2 = Math.sqrt(1 - Math.pow(beta2, t));
        mean.muli(beta1);
        variance.muli(beta2);
        try (NDArray square = grad.square()) {
            variance.addi(square.muli(1 - beta2));
        }
        mean.addi(grad.muli(1 - beta1));
        try (NDArray denominator = variance.sqrt()) {
            denominator.addi((float) (epsilon * root2));
            try (NDArray update = mean.div(denominator)) {
                weight.subi(update.muli((float) (lr * root2 / correction1)));
            }
        }
    }
}
