/**
 * Checkpoints: a block's tensors by name with a CRC32 each (Checkpoints), and RunState, the weights plus optimizer
 * state and counters that let a run resume where it stopped.
 */
package org.netwright.runner.checkpoint;
