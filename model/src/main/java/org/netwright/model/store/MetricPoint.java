package org.netwright.model.store;

/** One measured value of a run, e.g. {@code train/loss} at step 120 of epoch 2, {@code seconds} after the run started. */
public record MetricPoint(long step, int epoch, String key, double value, double seconds) {
}
