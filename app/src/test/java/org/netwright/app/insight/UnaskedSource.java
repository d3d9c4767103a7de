package org.netwright.app.insight;

import java.nio.file.Path;
import java.util.List;

/** A source whose every answer fails the test: a test overrides only what it expects to be asked. */
abstract class UnaskedSource implements InsightSource {
    private static IllegalStateException unasked() {
        return new IllegalStateException("not asked");
    }

    @Override
    public InsightData.RunNature nature(Path project, Long run) throws java.io.IOException {
        throw unasked();
    }

    @Override
    public InsightData.Evaluation evaluate(Path project, Long run) throws java.io.IOException {
        throw unasked();
    }

    @Override
    public InsightData.Saliency explain(Path project, Long run, int sample, String method) {
        throw unasked();
    }

    @Override
    public InsightData.Prediction predict(Path project, Long run, Path file, int topK, String method) {
        throw unasked();
    }

    @Override
    public List<InsightData.Layer> layers(Path project, Long run) throws java.io.IOException {
        throw unasked();
    }

    @Override
    public InsightData.Maps maps(Path project, Long run, String what, String layer, int sample, int head)
            throws java.io.IOException {
        throw unasked();
    }

    @Override
    public InsightData.Neighbours neighbours(Path project, Long run, String layer, String token, int k)
            throws java.io.IOException {
        throw unasked();
    }

    @Override
    public InsightData.Reconstructions reconstructions(Path project, Long run, int count) throws java.io.IOException {
        throw unasked();
    }

    @Override
    public InsightData.Latent latent(Path project, Long run) throws java.io.IOException {
        throw unasked();
    }

    @Override
    public InsightData.TestSamples samples(Path project, Long run, List<Integer> indices) throws java.io.IOException {
        throw unasked();
    }

    @Override
    public InsightData.Activations activations(Path project, Long run, int count) throws java.io.IOException {
        throw unasked();
    }

    @Override
    public GradientHeatMap gradients(Path project, Long run) throws java.io.IOException {
        throw unasked();
    }

    @Override
    public InsightData.Generated generate(Path project, Long run, long seed) throws java.io.IOException {
        throw unasked();
    }

    @Override
    public InsightData.TrainingActivations trainingActivations(Path project, Long run) throws java.io.IOException {
        throw unasked();
    }

    @Override
    public InsightData.Interpolation interpolate(Path project, Long run, int from, int to, int steps)
            throws java.io.IOException {
        throw unasked();
    }

    @Override
    public InsightData.TestSamples firstSamples(Path project, Long run, int count) throws java.io.IOException {
        throw unasked();
    }
}
