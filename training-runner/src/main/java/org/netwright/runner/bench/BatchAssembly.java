package org.netwright.runner.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Random;
import org.netwright.model.task.DataField;
import org.netwright.templates.data.GraphDataset;
import org.netwright.templates.data.Samples;

/**
 * Times what the training thread does to assemble one batch before the forward pass, the way the runner's tasks do
 * it: gather the batch's rows of every field into a float array and make the NDArray (class ids cast to int64), draw
 * the noise of each noise input (twice for a GAN, once for D's step and once for G's), or for node classification
 * make the step's one-hot labels (the graph's features and adjacency are made once per run and lent to each step).
 */
final class BatchAssembly {
    private BatchAssembly() {
    }

    /** Median milliseconds to assemble one batch of {@code run}'s template, over {@code repeats} batches. */
    static double medianMillis(TemplateRun run, int repeats) {
        double[] t = new double[repeats];
        Random random = new Random(1);
        int noiseDraws = run.template().graph().nodes().values().stream()
                .filter(n -> n.type().equals("noise_input")).mapToInt(n -> 1).sum() * (run.family() == Family.GAN ? 2 : 1);
        int latent = noiseDraws == 0 ? 0 : PlainModels.params(run.template().graph(), "noise_input", 0).getInt("latent");
        try (NDManager base = NDManager.newBaseManager()) {
            for (int r = 0; r < repeats; r++) {
                long start = System.nanoTime();
                try (NDManager scope = base.newSubManager()) {
                    if (run.nodes() != null) {
                        graph(scope, run.nodes().graph(), run.batch(), random);
                    } else {
                        samples(scope, run.samples().train(), run.batch(), random);
                        for (int i = 0; i < noiseDraws; i++) {
                            float[] v = new float[run.batch() * latent];
                            for (int k = 0; k < v.length; k++) {
                                v[k] = (float) random.nextGaussian();
                            }
                            scope.create(v, new Shape(run.batch(), latent));
                        }
                    }
                }
                t[r] = (System.nanoTime() - start) / 1e6;
            }
        }
        return Stats.median(t);
    }

    private static void samples(NDManager scope, Samples part, int batch, Random random) {
        int[] order = new int[part.size()];
        Arrays.setAll(order, i -> i);
        int from = random.nextInt(Math.max(1, part.size() - batch));
        int to = Math.min(part.size(), from + batch);
        for (DataField f : part.fields()) {
            Samples.Column c = part.require(f.name());
            float[] v = c.gather(order, from, to);
            NDArray x = scope.create(v, new Shape(f.shape().withBatch(to - from)));
            if (f.kind() == DataField.Kind.CLASS_ID) {
                x.toType(DataType.INT64, false);
            }
        }
    }

    /** A node classification step's one-hot labels; the graph's features and adjacency are made once per run. */
    private static void graph(NDManager scope, GraphDataset g, int batch, Random random) {
        int n = g.nodes();
        int classes = g.numClasses();
        float[] oneHot = new float[n * classes];
        for (int i = 0; i < Math.min(batch, n); i++) {
            int node = random.nextInt(n);
            oneHot[node * classes + g.labels()[node]] = 1f;
        }
        scope.create(oneHot, new Shape(1, n, classes));
    }
}
