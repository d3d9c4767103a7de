package org.netwright.runner.explain;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.netwright.runner.explain.Trained.edge;
import static org.netwright.runner.explain.Trained.node;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingOptions;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.task.Task;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.data.QuadrantImages;
import org.netwright.templates.data.Samples;

/**
 * Honesty of the attribution methods: a CNN trained on images whose class lies only in the top-left quadrant must be
 * shown looking there by every method, and integrated gradients must add up to the score's change from the baseline.
 */
@Tag("training")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuadrantAttributionTest {
    private static final int SIZE = 16;
    private static final int EXPLAINED = 24;
    private Trained trained;
    private Task task;
    private Samples test;

    /** Two conv blocks and a dense layer: the classifier reads where each feature is, so it can learn the quadrant. */
    static Graph cnn() {
        return Graph.of(List.of(
                        node("image", "image_input", Map.of("channels", 1, "height", SIZE, "width", SIZE)),
                        node("conv1", "conv2d", Map.of("filters", 8, "kernel", 3, "padding", "same")),
                        node("act1", "relu", Map.of()),
                        node("pool1", "max_pool2d", Map.of("kernel", 2, "stride", 2)),
                        node("conv2", "conv2d", Map.of("filters", 16, "kernel", 3, "padding", "same")),
                        node("act2", "relu", Map.of()),
                        node("pool2", "max_pool2d", Map.of("kernel", 2, "stride", 2)),
                        node("flat", "flatten", Map.of()),
                        node("out", "dense", Map.of("units", 2))),
                List.of(edge("image", "conv1"), edge("conv1", "act1"), edge("act1", "pool1"), edge("pool1", "conv2"),
                        edge("conv2", "act2"), edge("act2", "pool2"), edge("pool2", "flat"), edge("flat", "out")));
    }

    @BeforeAll
    void train() {
        DataRecipe recipe = DataRecipe.generator("quadrant_images", Map.of("samples", 1200));
        // L1 lets the weights that read the empty quadrants fall to zero instead of keeping their random start.
        TrainingSettings settings = new TrainingSettings(30, 32, 0.003, "adam", "auto", 3, 0.1, 0.1, recipe)
                .withOptions(TrainingOptions.DEFAULTS.withL1(1e-3));
        Samples all = QuadrantImages.generate(1200, SIZE, 0.1, 3);
        Samples.Split split = all.split(0.1, 0.1, 3);
        trained = Trained.train(cnn(), settings, split);
        task = TrainingRun.resolveTask(cnn(), settings, all.fields());
        test = split.test();
        double accuracy = trained.result().metrics().values().getOrDefault("test_accuracy", 0.0);
        assertTrue(accuracy >= 0.95, "the CNN should learn the task first; test accuracy " + accuracy);
    }

    private float[] sample(int i) {
        float[] all = test.require("image").values();
        return Arrays.copyOfRange(all, i * SIZE * SIZE, (i + 1) * SIZE * SIZE);
    }

    private int label(int i) {
        return (int) test.require("label").values()[i];
    }

    @Test
    void everyMethodPutsMostOfItsMassInTheTopLeftQuadrant() {
        Map<String, Double> shares = new LinkedHashMap<>();
        try (TrainedNetwork net = TrainedNetwork.open(trained.graph(), task, trained.weights())) {
            for (String method : Attributions.METHODS) {
                double sum = 0;
                for (int i = 0; i < EXPLAINED; i++) {
                    Attribution a = Attributions.of(method, net, sample(i), label(i), null);
                    sum += a.massShare(p -> QuadrantImages.inTopLeft(p / SIZE, p % SIZE, SIZE));
                }
                shares.put(method, sum / EXPLAINED);
            }
        }
        System.out.println("attribution mass in the top-left quadrant: " + shares);
        shares.forEach((method, share) -> assertTrue(share >= 0.70, method + " puts " + share
                + " of its mass in the top-left quadrant; all: " + shares));
    }

    @Test
    void integratedGradientsAddUpToTheScoreChangeFromTheBaseline() {
        double worst = 0;
        try (TrainedNetwork net = TrainedNetwork.open(trained.graph(), task, trained.weights())) {
            for (int i = 0; i < EXPLAINED; i++) {
                float[] x = sample(i);
                Attribution a = Attributions.integratedGradients(net, x, label(i), null, Attributions.IG_STEPS);
                double change = Attributions.score(net, x, x, label(i))
                        - Attributions.score(net, x, new float[x.length], label(i));
                double error = Math.abs(a.sum() - change) / Math.abs(change);
                worst = Math.max(worst, error);
                assertTrue(error <= 0.05, "sample " + i + ": attributions sum to " + a.sum() + ", the score changed by "
                        + change);
            }
        }
        System.out.println("integrated gradients: worst completeness error " + worst);
    }
}
