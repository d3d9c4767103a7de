package org.netwright.runner.run;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import org.netwright.model.graph.Graph;
import org.netwright.runner.compile.GraphBlock;

/**
 * What a training run does differently for each kind of data and task: which network outputs it needs, which
 * items an epoch trains on, a step's loss, and how a part of the data is scored. {@link TrainingRun} owns
 * everything else (the loop, events, stop, NaN check, early stopping, checkpoints).
 */
interface TrainingTask {

    /** The graph compiled with the outputs this task's losses read. */
    GraphBlock compile(Graph graph);

    /** Why the compiled network cannot learn from this data, in words for the user; null when it can. */
    String mismatch(GraphBlock block);

    /** How many items (samples, labelled nodes) one epoch trains on; {@code order} arrays index them. */
    int trainSize();

    /** The network's input shapes, batch axis included, for steps of {@code batch} items. */
    Shape[] inputShapes(int batch);

    /**
     * The loss of a training step over items {@code order[from..to)}: a training-mode forward pass and the loss
     * terms, all made in {@code scope}. Called inside a gradient collector.
     */
    StepLoss trainStep(Trainer trainer, NDManager scope, int[] order, int from, int to);

    /** Loss and metrics on the validation part, without dropout. */
    Evaluation validate(Trainer trainer);

    /** Loss and metrics on the test part, without dropout. */
    Evaluation test(Trainer trainer);
}
