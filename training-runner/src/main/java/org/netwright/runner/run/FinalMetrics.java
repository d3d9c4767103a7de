package org.netwright.runner.run;

/**
 * The numbers a run ends with: last epoch's train loss and validation results, the test results
 * ({@code null} when not measured, e.g. a stopped run) and where it ran.
 */
public record FinalMetrics(double trainLoss, Double valLoss, Double valAccuracy, Double testLoss, Double testAccuracy,
                           String device, int epochs, long steps) {
}
