package org.netwright.runner.run;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import org.netwright.runner.compile.GraphBlock;

/**
 * What a training run does differently for each kind of data: which items an epoch trains on, what a
 * step feeds the network and compares its output with, and how a part of the data is scored.
 * {@link TrainingRun} owns everything else (the loop, events, stop, NaN check, checkpoints).
 */
interface TrainingTask {

    /** Why the compiled network cannot learn from this data, in words for the user; null when it can. */
    String mismatch(GraphBlock block);

    /** How many items (samples, labelled nodes) one epoch trains on; {@code order} arrays index them. */
    int trainSize();

    /** The network's input shapes, batch axis included, for steps of {@code batch} items. */
    Shape[] inputShapes(int batch);

    Loss loss();

    /** What the network reads in a step over training items {@code order[from..to)}, made in {@code scope}. */
    NDList inputs(NDManager scope, int[] order, int from, int to);

    /** What the loss compares the network's output with in that step, made in {@code scope}. */
    NDList targets(NDManager scope, int[] order, int from, int to);

    /** Loss and accuracy on the validation part, without dropout. */
    Evaluation validate(Trainer trainer);

    /** Loss and accuracy on the test part, without dropout. */
    Evaluation test(Trainer trainer);
}
