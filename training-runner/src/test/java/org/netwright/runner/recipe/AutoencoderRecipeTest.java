package org.netwright.runner.recipe;

import org.netwright.model.run.RunEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netwright.runner.run.RunListener;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Generators;
import org.netwright.templates.data.Samples;

/**
 * The autoencoder templates in their defaults: the plain one reconstructs its input with at least 5 times less
 * error at the end than before training; the denoising one brings test images closer to the clean ones than the
 * noisy images it reads.
 */
@Tag("training")
class AutoencoderRecipeTest {

    /**
     * The error before training is the loss of the very first step (the forward pass runs before its update), on
     * one batch of training images; the error at the end is the test loss.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void autoencoderReconstructionErrorFallsFiveTimes(long seed) {
        Template t = TemplateLibrary.find("autoencoder").orElseThrow();
        var settings = t.settings().withSeed(seed);
        Samples data = Generators.generateSamples(settings.data(), seed);
        TrainingRun run = new TrainingRun(t.graph(), settings,
                data.split(settings.validationSplit(), settings.testSplit(), seed));
        var objective = run.task().objectives().get(0);
        assertEquals(run.task().inputs().get(0).field(), objective.target(), "trained against its own input");
        assertEquals("mse", objective.loss());
        List<Double> steps = new ArrayList<>();
        run.addListener(new RunListener() {
            @Override
            public void step(RunEvent.Step event) {
                steps.add(event.trainLoss());
            }
        });
        long start = System.nanoTime();
        RunResult result = run.run();
        assertEquals("completed", result.status(), result.message());
        double before = steps.get(0);
        double firstEpoch = result.epochs().get(0).valLoss();
        double end = result.metrics().testLoss();
        System.out.printf("autoencoder seed %d: mse before %.4f, after epoch 1 %.4f, test %.4f (%.1fx, %.1fx from"
                + " epoch 1), %.1f s%n", seed, before, firstEpoch, end, before / end, firstEpoch / end,
                (System.nanoTime() - start) / 1e9);
        assertTrue(before >= 5 * end, "seed " + seed + ": error " + before + " before training, " + end + " after");
        assertTrue(result.epochs().get(result.epochs().size() - 1).valLoss() < firstEpoch);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void denoisedTestImagesAreCloserToTheCleanOnesThanTheNoisyInput(long seed) {
        Template t = TemplateLibrary.find("denoising-autoencoder").orElseThrow();
        var settings = t.settings().withSeed(seed);
        Samples data = Generators.generateSamples(settings.data(), seed);
        Samples.Split split = data.split(settings.validationSplit(), settings.testSplit(), seed);
        TrainingRun run = new TrainingRun(t.graph(), settings, split);
        assertEquals("noisy", run.task().inputs().get(0).field());
        assertEquals("clean", run.task().objectives().get(0).target());
        assertEquals("mse", run.task().objectives().get(0).loss());
        long start = System.nanoTime();
        RunResult result = run.run();
        assertEquals("completed", result.status(), result.message());
        double denoised = result.metrics().testLoss();
        double noisy = mse(split.test().require("noisy").values(), split.test().require("clean").values());
        System.out.printf("denoising-autoencoder seed %d: test mse denoised %.4f, noisy %.4f, %.1f s%n", seed,
                denoised, noisy, (System.nanoTime() - start) / 1e9);
        assertTrue(denoised < noisy, "seed " + seed + ": denoised " + denoised + ", noisy " + noisy);
    }

    private static double mse(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (double) (a[i] - b[i]);
        }
        return sum / a.length;
    }
}
