package org.netwright.app.insight;

import java.io.IOException;
import java.nio.file.Path;

/** Where the insight view's data come from; the app's is {@link ChildInsight}, the runner's CLI in a child JVM. */
public interface InsightSource {
    /** What run {@code run} (null: the latest trained one) is: its network's family and task, and its data's kind. */
    InsightData.RunNature nature(Path project, Long run) throws IOException;

    /** The run's evaluation on its test part ({@code run} null: the latest trained run). */
    InsightData.Evaluation evaluate(Path project, Long run) throws IOException;

    /** The attribution of test sample {@code sample} by {@code method} for the predicted class. */
    InsightData.Saliency explain(Path project, Long run, int sample, String method) throws IOException;

    /** The run's top {@code topK} classes (or values) for a user's file, and the saliency of its top class. */
    InsightData.Prediction predict(Path project, Long run, Path file, int topK, String method) throws IOException;

    /** The network's layers and what each offers to look at. */
    java.util.List<InsightData.Layer> layers(Path project, Long run) throws IOException;

    /** Filters, feature maps of test sample {@code sample}, or attention head {@code head} of a layer. */
    InsightData.Maps maps(Path project, Long run, String what, String layer, int sample, int head) throws IOException;

    /** The {@code k} tokens nearest to {@code token} (a word or an id) in embedding layer {@code layer}. */
    InsightData.Neighbours neighbours(Path project, Long run, String layer, String token, int k) throws IOException;

    /** An autoencoder's first {@code count} test inputs and their reconstructions. */
    InsightData.Reconstructions reconstructions(Path project, Long run, int count) throws IOException;

    /** The test samples in the network's bottleneck. */
    InsightData.Latent latent(Path project, Long run) throws IOException;

    /** Test samples {@code indices} as the user reads them (images, table rows, texts). */
    InsightData.TestSamples samples(Path project, Long run, java.util.List<Integer> indices) throws IOException;

    /** Each layer's activation statistics over the first {@code count} test samples. */
    InsightData.Activations activations(Path project, Long run, int count) throws IOException;

    /** Each layer's gradient norm per epoch, as the run recorded them. */
    GradientHeatMap gradients(Path project, Long run) throws IOException;

    /** Each layer's output statistics per epoch, as the run recorded them while training (empty for older runs). */
    InsightData.TrainingActivations trainingActivations(Path project, Long run) throws IOException;

    /** The first {@code count} test samples as the user reads them, or all of them when the test part holds fewer. */
    InsightData.TestSamples firstSamples(Path project, Long run, int count) throws IOException;

    /** A VAE's decoder in {@code steps} points on the line between test samples {@code from} and {@code to}. */
    InsightData.Interpolation interpolate(Path project, Long run, int from, int to, int steps) throws IOException;

    /** Samples from a generative run's generator (a VAE's decoder) on noise drawn with {@code seed}. */
    InsightData.Generated generate(Path project, Long run, long seed) throws IOException;
}
