/**
 * Looking inside a trained network: {@link org.netwright.runner.explain.TrainedNetwork} opens a run's graph with its
 * weights, and pure functions of (network, input, class) give attributions shaped like the input
 * ({@link org.netwright.runner.explain.Attributions}: vanilla gradient, SmoothGrad, integrated gradients, Grad-CAM),
 * feature maps and filters of a conv layer, attention maps of a head, and an embedding's nearest tokens
 * ({@link org.netwright.runner.explain.Inspections}); {@link org.netwright.runner.explain.ConfusionMatrix} counts
 * predictions against true classes. Never JavaFX: the CLI and the app's view models call these.
 */
package org.netwright.runner.explain;
