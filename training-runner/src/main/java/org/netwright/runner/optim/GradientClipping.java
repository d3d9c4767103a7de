package org.netwright.runner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Clips gradients in place between the backward pass and the optimizer step (DJL's own
 * {@code optClipGrad} clipped only one side on this engine). Parameters that are frozen, not yet
 * initialized or without a gradient are skipped.
 */
public final class GradientClipping {
    private GradientClipping() {
    }

    /**
     * Scales all gradients by {@code maxNorm / (norm + 1e-6)} when their global L2 norm exceeds
     * {@code maxNorm} (PyTorch's {@code clip_grad_norm_}); returns the global norm before clipping.
     */
    public static double clipByGlobalNorm(Collection<Parameter> parameters, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("The gradient norm limit must be above 0, not " + maxNorm + ".");
        }
        List<NDArray> gradients = gradients(parameters);
        try {
            double norm = norm(gradients);
            if (norm > maxNorm) {
                // One scale array for all gradients: the same multiplication as muli(float), without making and
                // freeing a number array per gradient.
                try (NDArray scale = gradients.get(0).getManager().create((float) (maxNorm / (norm + 1e-6)))) {
                    for (NDArray g : gradients) {
                        g.muli(scale);
                    }
                }
            }
            return norm;
        } finally {
            close(gradients);
        }
    }

    /**
     * Limits every gradient element to {@code [-limit, limit]} (PyTorch's {@code clip_grad_value_});
     * returns the global L2 norm before clipping.
     */
    public static double clipByValue(Collection<Parameter> parameters, double limit) {
        if (!(limit > 0)) {
            throw new IllegalArgumentException("The gradient value limit must be above 0, not " + limit + ".");
        }
        List<NDArray> gradients = gradients(parameters);
        try {
            double norm = norm(gradients);
            float bound = (float) limit;
            for (NDArray g : gradients) {
                // In place: subtract what lies beyond the bound (the engine has no in-place clip).
                try (NDArray clipped = g.clip(-bound, bound); NDArray excess = g.sub(clipped)) {
                    g.subi(excess);
                }
            }
            return norm;
        } finally {
            close(gradients);
        }
    }

    /** The global L2 norm of the gradients, without changing them. */
    public static double globalNorm(Collection<Parameter> parameters) {
        List<NDArray> gradients = gradients(parameters);
        try {
            return norm(gradients);
        } finally {
            close(gradients);
        }
    }

    private static List<NDArray> gradients(Collection<Parameter> parameters) {
        List<NDArray> gradients = new ArrayList<>();
        for (Parameter p : parameters) {
            if (p.requiresGradient() && p.isInitialized() && p.getArray().hasGradient()) {
                gradients.add(p.getArray().getGradient());
            }
        }
        return gradients;
    }

    /** The global L2 norm: the gradients' sums of squares (read back at once) added in double precision in order. */
    private static double norm(List<NDArray> gradients) {
        double sum = 0;
        for (double v : org.netwright.runner.nd.SquaredSums.of(gradients, false)) {
            sum += v;
        }
        return Math.sqrt(sum);
    }

    private static void close(List<NDArray> gradients) {
        for (NDArray g : gradients) {
            g.close();
        }
    }
}
