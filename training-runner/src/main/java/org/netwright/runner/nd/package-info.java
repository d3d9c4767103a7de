/**
 * Small array helpers used by layers, losses and the trainer. Arithmetic with a plain number that stays correct
 * under DJL's PyTorch engine: DJL turns the number into a scalar array whose memory is a Java direct buffer and
 * closes it right after the op; when the op is recorded for the backward pass (a product, a quotient, a power, a
 * maximum), libtorch keeps that scalar, and once the garbage collector frees the buffer the backward pass reads
 * whatever memory took its place: wrong gradients at random steps, runs of one seed differing between processes,
 * now and then non-finite weights. {@link org.netwright.runner.nd.Scalars} makes the scalar in libtorch's own memory
 * instead. {@link org.netwright.runner.nd.SquaredSums} reads many arrays' sums of squares back at once (gradient
 * clipping, per-layer gradient norms). {@link org.netwright.runner.nd.StepConstants} keeps arrays that are the same
 * every step of a run (one graph's adjacency and what layers derive from it) and lends them to each step's scope.
 */
package org.netwright.runner.nd;
