package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A step's loss: the total the gradients come from, and its named parts (e.g. {@code recon_loss} and {@code kl}
 * of a VAE) as the run reports them; parts may be empty.
 */
record StepLoss(NDArray total, Map<String, NDArray> parts) {
    StepLoss {
        parts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parts));
    }

    /**
     * The total and the parts as numbers, each read straight from its array's memory: DJL's {@code getFloat()} first
     * makes an indexed copy of the number, which costs a step more than the read itself.
     */
    static StepValues read(StepLoss loss) {
        Map<String, Double> parts = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> p : loss.parts().entrySet()) {
            parts.put(p.getKey(), (double) number(p.getValue()));
        }
        return new StepValues(number(loss.total()), parts);
    }

    /** The single number {@code a} holds (as {@code getFloat()} gives it, which also refuses other sizes). */
    private static float number(NDArray a) {
        float[] v = a.toFloatArray();
        return v.length == 1 ? v[0] : a.getFloat();
    }
}
