package org.netwright.runner.run;

import java.util.Map;

/** A finished step's loss and its named parts (e.g. {@code d_loss} and {@code g_loss} of a GAN), as numbers. */
record StepValues(double loss, Map<String, Double> parts) {
    StepValues {
        parts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parts));
    }
}
