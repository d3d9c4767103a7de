package org.netwright.runner.recipe;

import org.netwright.model.run.RunEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netwright.model.graph.Graph;
import org.netwright.model.task.GraphCuts;
import org.netwright.model.task.Task;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.checkpoint.LoadReport;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.runner.run.RunListener;
import org.netwright.runner.run.RunResult;
import org.netwright.runner.run.TrainingRun;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.data.Generators;
import org.netwright.templates.data.Samples;

/**
 * The VAE template in its defaults: the ELBO (reconstruction loss plus KL, averaged over an epoch's steps) falls,
 * the KL term stays above zero (the latent carries information), and its decoder, fed with N(0, 1) draws, makes
 * points that lie near the data.
 *
 * <p>"Near the data": the mean distance from each generated point to its nearest real point, divided by the data's
 * spread (the root mean squared distance of the real points from their mean), is below 0.1, and below that of
 * points drawn from a Gaussian with the data's own mean and covariance (which ignores the moons' shape).
 */
@Tag("training")
class VaeRecipeTest {
    private static final int GENERATED = 500;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void vaeLearnsAndItsDecoderGeneratesPointsNearTheData(long seed) {
        Template t = TemplateLibrary.find("vae").orElseThrow();
        var settings = t.settings().withSeed(seed);
        Samples data = Generators.generateSamples(settings.data(), seed);
        TrainingRun run = new TrainingRun(t.graph(), settings,
                data.split(settings.validationSplit(), settings.testSplit(), seed));
        assertEquals(Task.VAE, run.task().recipe());
        byte[][] last = new byte[1][];
        run.addListener(new RunListener() {
            @Override
            public void checkpoint(int epoch, byte[] weights) {
                last[0] = weights;
            }
        });
        long start = System.nanoTime();
        RunResult result = run.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals("completed", result.status(), result.message());
        RunEvent.Epoch first = result.epochs().get(0);
        RunEvent.Epoch end = result.epochs().get(result.epochs().size() - 1);
        double elboFirst = elbo(first.metrics());
        double elboEnd = elbo(end.metrics());
        Double testKl = result.metrics().get("test_kl");
        assertNotNull(testKl, result.metrics().toString());

        float[] real = data.require("point").values();
        float[] generated = decodePrior(t.graph(), last[0], seed);
        double spread = spread(real);
        double vae = meanNearest(generated, real) / spread;
        double gaussian = meanNearest(gaussianLike(real, seed), real) / spread;
        System.out.printf("vae seed %d: ELBO %.3f -> %.3f, kl %.3f (test %.3f), nearest/spread %.3f (gaussian %.3f),"
                + " %.1f s%n", seed, elboFirst, elboEnd, end.metrics().get("kl"), testKl, vae, gaussian, seconds);
        assertTrue(elboEnd < elboFirst, "seed " + seed + ": ELBO " + elboFirst + " -> " + elboEnd);
        assertTrue(end.metrics().get("kl") > 0.1 && testKl > 0.1, "seed " + seed + ": KL collapsed: " + testKl);
        assertTrue(vae < 0.1 && vae < gaussian, "seed " + seed + ": generated points lie " + vae
                + " spreads from the data (a fitted Gaussian: " + gaussian + ")");
    }

    private static double elbo(Map<String, Double> m) {
        return m.get("recon_loss") + m.get("kl");
    }

    /** The decoder (the layers after the sampling layer) with the run's weights, fed {@link #GENERATED} N(0, 1) draws. */
    static float[] decodePrior(Graph graph, byte[] checkpoint, long seed) {
        Graph decoder = GraphCuts.after(graph, "sampling");
        GraphBlock block = GraphCompiler.compile(decoder);
        int latent = (Integer) decoder.require("sampling").params().get("latent");
        Random r = new Random(seed + 1000);
        float[] z = new float[GENERATED * latent];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) r.nextGaussian();
        }
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, new Shape(GENERATED, latent));
            LoadReport loaded = Checkpoints.load(block, checkpoint);
            assertTrue(loaded.skipped().isEmpty(), "decoder weights not loaded: " + loaded.skipped());
            assertEquals(3, loaded.loaded().size(), loaded.loaded().toString());
            NDList out = block.forward(new ParameterStore(m, false), new NDList(m.create(z, new Shape(GENERATED, latent))),
                    false);
            return out.singletonOrThrow().toFloatArray();
        }
    }

    /** The root mean squared distance of 2-d points from their mean. */
    static double spread(float[] p) {
        int n = p.length / 2;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += p[2 * i];
            my += p[2 * i + 1];
        }
        mx /= n;
        my /= n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.pow(p[2 * i] - mx, 2) + Math.pow(p[2 * i + 1] - my, 2);
        }
        return Math.sqrt(sum / n);
    }

    /** The mean over points {@code a} of the distance to the nearest point of {@code b} (both 2-d). */
    static double meanNearest(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length / 2; i++) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < b.length / 2; j++) {
                best = Math.min(best, Math.hypot(a[2 * i] - b[2 * j], a[2 * i + 1] - b[2 * j + 1]));
            }
            sum += best;
        }
        return sum / (a.length / 2);
    }

    /** {@link #GENERATED} points from the Gaussian with the mean and covariance of {@code p} (Cholesky factor). */
    static float[] gaussianLike(float[] p, long seed) {
        int n = p.length / 2;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += p[2 * i];
            my += p[2 * i + 1];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = p[2 * i] - mx;
            double dy = p[2 * i + 1] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        sxx /= n;
        sxy /= n;
        syy /= n;
        double l11 = Math.sqrt(sxx);
        double l21 = sxy / l11;
        double l22 = Math.sqrt(syy - l21 * l21);
        Random r = new Random(seed + 2000);
        float[] out = new float[GENERATED * 2];
        for (int i = 0; i < GENERATED; i++) {
            double u = r.nextGaussian();
            double v = r.nextGaussian();
            out[2 * i] = (float) (mx + l11 * u);
            out[2 * i + 1] = (float) (my + l21 * u + l22 * v);
        }
        return out;
    }
}
