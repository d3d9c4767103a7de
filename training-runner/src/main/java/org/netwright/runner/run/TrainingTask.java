package org.netwright.runner.run;

import org.netwright.model.run.RunEvent;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import java.util.function.Consumer;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.checkpoint.LoadReport;
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
     * One whole training step over items {@code order[from..to)}: forward, loss, backward, and {@code update} of
     * every trainer that learns (it clips gradients and applies the optimizer). Tasks with one loss and one model
     * implement {@link SingleLossTask}; a recipe with two models (a GAN) writes its own.
     */
    StepValues step(Trainer trainer, NDManager scope, int[] order, int from, int to, Consumer<Trainer> update);

    /**
     * Called once the main trainer is initialized, before the first step: a recipe that trains a second model
     * (a GAN's discriminator) makes it here, on {@code device}, with a trainer from {@code trainers}.
     */
    default void prepare(Trainer trainer, Device device, int batch, TrainerFactory trainers) {
    }

    /** The weights a checkpoint keeps: the main block's, plus any second model's. */
    default byte[] weights(GraphBlock main) {
        return Checkpoints.save(main);
    }

    /** Loads checkpoint weights into the main block (and any second model). */
    default LoadReport loadWeights(GraphBlock main, byte[] data) {
        return Checkpoints.load(main, data);
    }

    /** The state of the task's own random streams (e.g. a generator's noise), for a resumable checkpoint. */
    default byte[] streamState() {
        return new byte[0];
    }

    /** Restores what {@link #streamState} returned. */
    default void restoreStreams(byte[] state) {
    }

    /**
     * The optimizer state of any second model (a GAN's discriminator), by checkpoint part name, for a resumable
     * checkpoint; the run's own optimizer is saved by the run.
     */
    default java.util.Map<String, byte[]> optimizerParts() {
        return java.util.Map.of();
    }

    /**
     * Restores what {@link #optimizerParts} returned from a checkpoint's {@code parts}; throws
     * IllegalArgumentException when a part it needs is missing or does not fit.
     */
    default void restoreOptimizers(java.util.Map<String, byte[]> parts) {
    }

    /** Releases a second model's resources; the run calls it when it ends. */
    /**
     * The samples a generative task draws after {@code epoch} from its fixed noise, or null for a task that
     * generates nothing.
     */
    default RunEvent.Samples samples(Trainer trainer, GraphBlock main, int epoch) {
        return null;
    }

    default void close() {
    }

    /** How long the training thread waited for its batches so far; {@link DataWait#NONE} for tasks that do not count. */
    default DataWait dataWait() {
        return DataWait.NONE;
    }

    /**
     * The network's inputs for training items {@code order[from..to)}, made in {@code scope}, for looking inside the
     * network (dead ReLUs, the origin of a NaN); null when this task cannot make them without disturbing the run
     * (e.g. inputs drawn from the run's noise stream).
     */
    default ai.djl.ndarray.NDList probeInputs(NDManager scope, int[] order, int from, int to) {
        return null;
    }

    /** Makes a trainer for another block on the run's device, with the run's optimizer settings. */
    interface TrainerFactory {
        SecondTrainer trainer(ai.djl.Model model);
    }

    /** Another block's trainer and the optimizer it updates with, whose state a resumable checkpoint keeps. */
    record SecondTrainer(Trainer trainer, org.netwright.runner.optim.ScheduledOptimizer optimizer) {
    }

    /** Loss and metrics on the validation part, without dropout. */
    Evaluation validate(Trainer trainer);

    /** Loss and metrics on the test part, without dropout. */
    Evaluation test(Trainer trainer);
}
