/**
 * The arithmetic of training options, on DJL: learning-rate {@link org.netwright.runner.optim.Schedule}s
 * parsed from specs ({@link org.netwright.runner.optim.Schedules}, DJL-free), our optimizers with L1/L2
 * and decoupled weight decay and resumable state ({@link org.netwright.runner.optim.Optimizers},
 * {@link org.netwright.runner.optim.OptimizerConfig}, {@link org.netwright.runner.optim.ScheduledOptimizer}),
 * losses ({@link org.netwright.runner.optim.Losses}), gradient clipping
 * ({@link org.netwright.runner.optim.GradientClipping}) and weight initializers
 * ({@link org.netwright.runner.optim.Initializers}). Each follows PyTorch's documented formula, stated
 * in its Javadoc, so results can be checked by hand; the training loop that uses them lives in
 * {@code run}.
 */
package org.netwright.runner.optim;
