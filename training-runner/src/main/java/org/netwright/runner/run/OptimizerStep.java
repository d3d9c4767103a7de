package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.Trainer;
import java.lang.reflect.Field;

/**
 * Applies one optimizer update. DJL's {@code Trainer.step()} refuses its first step when the
 * signed sum of all gradients is exactly zero, which happens for healthy models too (when every
 * weight sits right before a softmax cross-entropy, the gradients cancel). We check instead that
 * some gradient is non-zero in absolute value, then mark DJL's check as done.
 */
public final class OptimizerStep {
    private static final Field CHECKED = checkedFlag();

    private OptimizerStep() {
    }

    private static Field checkedFlag() {
        try {
            Field f = Trainer.class.getDeclaredField("gradientsChecked");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Another DJL version: fall back to its own check.
            return null;
        }
    }

    /** Updates the weights from the gradients of the last backward pass. */
    public static void apply(Trainer trainer) {
        if (CHECKED != null && !isChecked(trainer)) {
            if (!anyGradient(trainer)) {
                throw new IllegalStateException("No gradient reached any weight: every weight's gradient is zero. "
                        + "Check that the layers with weights lead to the network's output.");
            }
            markChecked(trainer);
        }
        trainer.step();
    }

    private static boolean anyGradient(Trainer trainer) {
        for (Parameter p : trainer.getModel().getBlock().getParameters().values()) {
            if (!p.requiresGradient() || !p.isInitialized()) {
                continue;
            }
            try (NDArray magnitude = p.getArray().getGradient().abs().sum()) {
                if (magnitude.getFloat() > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isChecked(Trainer trainer) {
        try {
            return CHECKED.getBoolean(trainer);
        } catch (IllegalAccessException e) {
            return true;
        }
    }

    private static void markChecked(Trainer trainer) {
        try {
            CHECKED.setBoolean(trainer, true);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
