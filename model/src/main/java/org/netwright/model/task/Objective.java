package org.netwright.model.task;

import java.util.Objects;

/**
 * One term of the training loss: the output layer {@code output} is compared with the data field {@code target}
 * by {@code loss} (a loss name with optional parameters, e.g. {@code huber:delta=0.5}), weighted by {@code weight}.
 */
public record Objective(String output, String loss, String target, double weight) {
    public Objective {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(target, "target");
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("A loss weight must be a positive number; got " + weight + ".");
        }
    }

    /** The loss's name without parameters, e.g. {@code huber} for {@code huber:delta=0.5}. */
    public String lossName() {
        int colon = loss.indexOf(':');
        return colon < 0 ? loss : loss.substring(0, colon);
    }
}
