package org.netwright.runner.optim;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Locale;

/**
 * Prints the time of a training step of an MLP 784-256-10, batch 64, with DJL's built-in Adam and with
 * ours, interleaved over several rounds, and their ratio. Not a test: run it by hand, e.g. with
 * {@code -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1}.
 */
public final class OptimizerSpeed {
    private static final int BATCH = 64;

    private OptimizerSpeed() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Engine.getInstance().setRandomSeed(1);
        double[] djl = new double[2];
        double[] ours = new double[2];
        for (int round = 0; round <= rounds; round++) {
            // Alternate which goes first, so neither always runs on a warmer machine.
            double[] d;
            double[] o;
            if (round % 2 == 0) {
                d = time(djlAdam(), steps);
                o = time(ourAdam(), steps);
            } else {
                o = time(ourAdam(), steps);
                d = time(djlAdam(), steps);
            }
            if (round > 0) { // round 0 warms up the JIT and the allocator
                for (int i = 0; i < 2; i++) {
                    djl[i] += d[i] / rounds;
                    ours[i] += o[i] / rounds;
                }
            }
        }
        System.out.printf(Locale.ROOT, "MLP 784-256-10 batch %d, %d steps x %d rounds, threads %s%n", BATCH, steps,
                rounds, System.getProperty("ai.djl.pytorch.num_threads", "default"));
        System.out.printf(Locale.ROOT, "DJL Adam:  %.3f ms/step (optimizer step %.3f ms)%n", djl[0], djl[1]);
        System.out.printf(Locale.ROOT, "our Adam:  %.3f ms/step (optimizer step %.3f ms)%n", ours[0], ours[1]);
        System.out.printf(Locale.ROOT, "ratio ours/DJL: %.3f (whole step), %.3f (optimizer step)%n", ours[0] / djl[0],
                ours[1] / djl[1]);
    }

    private static Optimizer djlAdam() {
        return Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
    }

    private static Optimizer ourAdam() {
        return Optimizers.create(OptimizerConfig.of("adam"), Schedules.parse("constant", 1e-3, 1, 1));
    }

    /** Milliseconds per whole step and per optimizer step, after a warm-up. */
    private static double[] time(Optimizer optimizer, int steps) {
        SequentialBlock mlp = new SequentialBlock().add(Linear.builder().setUnits(256).build())
                .add(Activation::relu).add(Linear.builder().setUnits(10).build());
        try (Model model = Model.newInstance("speed")) {
            model.setBlock(mlp);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(optimizer))) {
                trainer.initialize(new Shape(BATCH, 784));
                NDManager m = trainer.getManager();
                NDArray x = m.randomUniform(0, 1, new Shape(BATCH, 784));
                NDArray y = m.randomInteger(0, 10, new Shape(BATCH), ai.djl.ndarray.types.DataType.FLOAT32);
                for (int i = 0; i < 50; i++) {
                    step(trainer, x, y);
                }
                long total = 0;
                long update = 0;
                for (int i = 0; i < steps; i++) {
                    long t0 = System.nanoTime();
                    long spent = step(trainer, x, y);
                    total += System.nanoTime() - t0;
                    update += spent;
                }
                return new double[] {total / 1e6 / steps, update / 1e6 / steps};
            }
        }
    }

    /** One training step; returns the nanoseconds spent in the optimizer. */
    private static long step(Trainer trainer, NDArray x, NDArray y) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(new NDList(x));
                NDArray loss = trainer.getLoss().evaluate(new NDList(y), predictions);
                collector.backward(loss);
                loss.getFloat();
            }
            long t0 = System.nanoTime();
            trainer.step();
            return System.nanoTime() - t0;
        }
    }
}
