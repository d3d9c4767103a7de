package org.netwright.model.run;

/**
 * One layer's outputs on a training batch at the end of an epoch: their mean, standard deviation and the fraction
 * that is exactly zero (NaN where not measured). A mean and std near zero, or zeros near 1, say the layer passes
 * little on.
 */
public record ActivationStats(double mean, double std, double zeros) {
}
