package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * A step's loss: the total the gradients come from, and its named parts (e.g. {@code recon_loss} and {@code kl}
 * of a VAE) as the run reports them; parts may be empty.
 */
record StepLoss(NDArray total, Map<String, NDArray> parts) {
    StepLoss {
        parts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parts));
    }
}
