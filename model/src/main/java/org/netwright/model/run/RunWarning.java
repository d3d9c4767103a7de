package org.netwright.model.run;

import java.util.Objects;

/**
 * Something unhealthy a run noticed after an epoch: its {@code kind} (one of the constants), the node it concerns
 * ({@code null} when it concerns the whole network, as overfitting does) and a sentence for the user.
 */
public record RunWarning(String kind, String node, String message) {
    /** A layer's gradients are a tiny fraction of the largest layer's: it barely learns. */
    public static final String VANISHING_GRADIENTS = "vanishing_gradients";
    /** A layer's gradients are huge or grew by orders of magnitude: the next updates may diverge. */
    public static final String EXPLODING_GRADIENTS = "exploding_gradients";
    /** Nearly all of a ReLU layer's outputs are zero on a batch: its units no longer pass gradients. */
    public static final String DEAD_RELU = "dead_relu";
    /** The validation loss rose for several epochs while the training loss fell. */
    public static final String OVERFITTING = "overfitting";

    public RunWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
