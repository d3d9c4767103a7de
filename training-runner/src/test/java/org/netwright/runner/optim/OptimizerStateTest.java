package org.netwright.runner.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run stopped after a step and resumed from saved weights and optimizer state equals an uninterrupted run. */
class OptimizerStateTest {
    private static final float[] X = {0.1f, -0.4f, 0.9f, 1.2f, 0.3f, -0.5f, -1f, 0.2f, 0.7f, 0.05f, -0.3f, 0.8f};
    private static final float[] Y = {1f, 0f, -1f, 0.5f, 0.2f, 0.3f, 0f, -0.7f};
    private static final float[] START = {0.3f, -0.2f, 0.5f, 0.1f, 0.4f, -0.6f, 0.05f, -0.05f};

    /** A tiny model trained by one optimizer: Linear 3 -> 2 on a batch of 4. */
    private static final class Run implements AutoCloseable {
        final Model model = Model.newInstance("resume");
        final ScheduledOptimizer optimizer;
        final Trainer trainer;

        Run(String optimizerName) {
            model.setBlock(Linear.builder().setUnits(2).build());
            Schedule schedule = Schedules.parse("warmup:steps=1+plateau:patience=0,factor=0.5", 0.05, 1, 10);
            optimizer = Optimizers.create(OptimizerConfig.of(optimizerName).with("weight_decay", 0.01).with("l1", 0.001),
                    schedule);
            trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(optimizer));
            trainer.initialize(new Shape(4, 3));
        }

        Map<String, Parameter> parameters() {
            Map<String, Parameter> named = new LinkedHashMap<>();
            for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                named.put(p.getKey(), p.getValue());
            }
            return named;
        }

        void setWeights(float[] values) {
            int at = 0;
            for (Parameter p : parameters().values()) {
                int n = (int) p.getArray().size();
                p.getArray().set(Arrays.copyOfRange(values, at, at + n));
                at += n;
            }
        }

        float[] weights() {
            float[] all = new float[0];
            for (Parameter p : parameters().values()) {
                float[] v = p.getArray().toFloatArray();
                float[] joined = Arrays.copyOf(all, all.length + v.length);
                System.arraycopy(v, 0, joined, all.length, v.length);
                all = joined;
            }
            return all;
        }

        void step() {
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDArray x = scope.create(X, new Shape(4, 3));
                NDArray y = scope.create(Y, new Shape(4, 2));
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = trainer.forward(new NDList(x));
                    collector.backward(trainer.getLoss().evaluate(new NDList(y), predictions));
                }
                trainer.step();
            }
        }

        /** Two epochs' worth of monitored values that halve the plateau schedule's rate. */
        void endEpochs() {
            optimizer.schedule().epochEnded(1, 1.0);
            optimizer.schedule().epochEnded(2, 2.0);
        }

        @Override
        public void close() {
            trainer.close();
            model.close();
        }
    }

    private static void assertResumeMatches(String optimizerName) {
        float[] uninterrupted;
        try (Run a = new Run(optimizerName)) {
            a.setWeights(START);
            a.step();
            a.endEpochs();
            a.step();
            a.step();
            uninterrupted = a.weights();
        }
        float[] savedWeights;
        byte[] savedState;
        try (Run b = new Run(optimizerName)) {
            b.setWeights(START);
            b.step();
            b.endEpochs();
            savedWeights = b.weights();
            savedState = b.optimizer.saveState(b.parameters());
        }
        try (Run c = new Run(optimizerName)) {
            c.setWeights(savedWeights);
            c.optimizer.loadState(savedState, c.parameters());
            c.step();
            c.step();
            assertArrayEquals(uninterrupted, c.weights(), optimizerName + " resumed differs from uninterrupted");
        }
        try (Run d = new Run(optimizerName)) {
            // Without the state the resumed run differs: the test can tell.
            d.setWeights(savedWeights);
            d.step();
            d.step();
            assertFalse(Arrays.equals(uninterrupted, d.weights()), optimizerName + " needs no state?");
        }
    }

    @Test
    void everyOptimizerResumesBitIdentically() {
        for (String name : OptimizerConfig.names()) {
            assertResumeMatches(name);
        }
    }

    @Test
    void stateOfAnotherOptimizerIsRefused() {
        byte[] state;
        try (Run a = new Run("adam")) {
            a.step();
            state = a.optimizer.saveState(a.parameters());
        }
        try (Run b = new Run("rmsprop")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> b.optimizer.loadState(state, b.parameters()));
            assertEquals("The saved optimizer state belongs to adam, but this run uses rmsprop.", e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> b.optimizer.loadState(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, b.parameters()));
            assertTrue(e.getMessage().contains("not a Netwright optimizer state"), e.getMessage());
        }
        try (Run c = new Run("adam")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> c.optimizer.loadState(Arrays.copyOf(state, state.length - 5), c.parameters()));
            assertEquals("The saved optimizer state is cut short or damaged.", e.getMessage());
        }
    }
}
