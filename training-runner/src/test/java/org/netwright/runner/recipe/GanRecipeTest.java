package org.netwright.runner.recipe;

import org.netwright.model.run.RunEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.task.Task;
import org.netwright.runner.generate.GanSampler;
import org.netwright.runner.run.RunListener;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Generators;
import org.netwright.templates.data.RingGaussians;
import org.netwright.templates.data.Samples;

/**
 * The GAN templates on the ring of 8 Gaussians (radius 2, std 0.05), in their defaults. A generated point belongs
 * to the nearest mode when it lies within 3 std (0.15) of that mode's centre, else to none. {@code gan-2d}: of
 * 1000 points drawn from fresh noise with the final weights, at least 6 of the 8 modes each hold at least 2 %
 * (20 points). {@code cgan}: of 1000 points asked for each mode in turn, at least 80 % land in the asked mode.
 */
@Tag("training")
class GanRecipeTest {
    private static final int COUNT = 1000;
    private static final double RADIUS = 2.0;
    private static final double STD = 0.05;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void gan2dCoversAtLeastSixOfTheEightModes(long seed) {
        Trained t = train("gan-2d", seed);
        int[] counts = new int[RingGaussians.MODES];
        int inMode = 0;
        try (GanSampler sampler = GanSampler.open(t.template.graph(), t.task, t.weights)) {
            float[] points = sampler.sample(COUNT, 1000 + seed, null);
            for (int i = 0; i < COUNT; i++) {
                int m = mode(points[2 * i], points[2 * i + 1]);
                if (m >= 0) {
                    counts[m]++;
                    inMode++;
                }
            }
        }
        int covered = 0;
        for (int c : counts) {
            covered += c >= COUNT * 0.02 ? 1 : 0;
        }
        System.out.printf("gan-2d seed %d: %d of 8 modes covered, %d of %d points within 3 std, counts %s, %s%n",
                seed, covered, inMode, COUNT, java.util.Arrays.toString(counts), t.summary);
        assertTrue(covered >= 6, "seed " + seed + ": covered " + covered + " modes, counts "
                + java.util.Arrays.toString(counts));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void cganSamplesLandInTheAskedMode(long seed) {
        Trained t = train("cgan", seed);
        int[] asked = new int[COUNT];
        for (int i = 0; i < COUNT; i++) {
            asked[i] = i % RingGaussians.MODES;
        }
        int hits = 0;
        try (GanSampler sampler = GanSampler.open(t.template.graph(), t.task, t.weights)) {
            assertTrue(sampler.conditional());
            float[] points = sampler.sample(COUNT, 1000 + seed, asked);
            for (int i = 0; i < COUNT; i++) {
                hits += mode(points[2 * i], points[2 * i + 1]) == asked[i] ? 1 : 0;
            }
        }
        double share = hits / (double) COUNT;
        System.out.printf("cgan seed %d: %.3f of points in the asked mode, %s%n", seed, share, t.summary);
        assertTrue(share >= 0.8, "seed " + seed + ": " + share + " in the asked mode");
    }

    /** The mode whose centre lies within 3 std of the point, or -1. */
    private static int mode(double x, double y) {
        for (int k = 0; k < RingGaussians.MODES; k++) {
            double[] c = RingGaussians.centre(k, RADIUS);
            if (Math.hypot(x - c[0], y - c[1]) <= 3 * STD) {
                return k;
            }
        }
        return -1;
    }

    private record Trained(Template template, Task task, byte[] weights, String summary) {
    }

    private static Trained train(String id, long seed) {
        Template t = TemplateLibrary.find(id).orElseThrow();
        TrainingSettings settings = t.settings().withSeed(seed);
        Samples data = Generators.generateSamples(settings.data(), seed);
        TrainingRun run = new TrainingRun(t.graph(), settings,
                data.split(settings.validationSplit(), settings.testSplit(), seed));
        assertEquals(Task.GAN, run.task().recipe());
        AtomicReference<byte[]> last = new AtomicReference<>();
        run.addListener(new RunListener() {
            @Override
            public void checkpoint(int epoch, byte[] weights) {
                last.set(weights);
            }
        });
        long start = System.nanoTime();
        RunResult result = run.run();
        assertEquals("completed", result.status(), result.message());
        RunEvent.Epoch first = result.epochs().get(0);
        RunEvent.Epoch end = result.epochs().get(result.epochs().size() - 1);
        assertNotNull(end.metrics().get("d_loss"), end.metrics().toString());
        assertNotNull(end.metrics().get("g_loss"), end.metrics().toString());
        assertNotNull(result.metrics().get("test_d_loss"), result.metrics().toString());
        String summary = String.format("d_loss %.3f -> %.3f, g_loss %.3f -> %.3f, %.1f s", first.metrics().get("d_loss"),
                end.metrics().get("d_loss"), first.metrics().get("g_loss"), end.metrics().get("g_loss"),
                (System.nanoTime() - start) / 1e9);
        return new Trained(t, run.task(), last.get(), summary);
    }
}
