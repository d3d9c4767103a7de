package org.netwright.runner.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import java.util.Random;
import org.netwright.model.graph.Graph;

/**
 * The GAN pair in plain DJL: a generator and a discriminator MLP, each with its own trainer and Adam; a step is one
 * discriminator step (real points against detached fakes) and one generator step (non-saturating loss, the
 * discriminator frozen), as in {@code gan-2d}.
 */
final class PlainGan extends PlainStep {
    private final Model disModel;
    private final Trainer disTrainer;
    private final SequentialBlock discriminator;
    private final float[] real;
    private final int batch;
    private final int latent;
    private final int features;
    private final Random random;
    private final Loss bce = Loss.sigmoidBinaryCrossEntropyLoss();

    PlainGan(Graph g, int batch, double rate, float beta1, Random random) {
        super(generator(g), new Shape[] {new Shape(batch, latent(g))}, rate, beta1, null, null);
        this.batch = batch;
        this.latent = latent(g);
        this.features = PlainModels.params(g, "vector_input", 0).getInt("features");
        this.random = random;
        this.real = PlainModels.normal(random, batch * features);
        this.discriminator = new SequentialBlock()
                .add(Linear.builder().setUnits(PlainModels.units(g.nodes().get("d_dense1"))).build())
                .add(x -> Activation.leakyRelu(x, 0.2f)).add(Dropout.builder().optRate(0.2f).build())
                .add(Linear.builder().setUnits(PlainModels.units(g.nodes().get("d_dense2"))).build())
                .add(x -> Activation.leakyRelu(x, 0.2f)).add(Dropout.builder().optRate(0.2f).build())
                .add(Linear.builder().setUnits(PlainModels.units(g.nodes().get("score"))).build());
        this.disModel = Model.newInstance("plain-discriminator");
        disModel.setBlock(discriminator);
        this.disTrainer = disModel.newTrainer(config(rate, beta1));
        disTrainer.initialize(new Shape(batch, features));
    }

    /** How many numbers the discriminator trains. */
    long discriminatorParameters() {
        return discriminator.getParameters().values().stream().filter(p -> p.requiresGradient())
                .mapToLong(p -> p.getArray().size()).sum();
    }

    private static int latent(Graph g) {
        return PlainModels.params(g, "noise_input", 0).getInt("latent");
    }

    private static SequentialBlock generator(Graph g) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(PlainModels.units(g.nodes().get("g_dense1"))).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(PlainModels.units(g.nodes().get("g_dense2"))).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(PlainModels.units(g.nodes().get("sample"))).build());
    }

    @Override
    float step() {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray ones = scope.ones(new Shape(batch, 1));
            NDArray zeros = scope.zeros(new Shape(batch, 1));
            float d;
            try (GradientCollector collector = disTrainer.newGradientCollector()) {
                NDArray fake = trainer.forward(new NDList(noise(scope))).head().stopGradient();
                NDArray onReal = disTrainer.forward(new NDList(scope.create(real, new Shape(batch, features)))).head();
                NDArray onFake = disTrainer.forward(new NDList(fake)).head();
                NDArray loss = bce.evaluate(new NDList(ones), new NDList(onReal))
                        .add(bce.evaluate(new NDList(zeros), new NDList(onFake)));
                collector.backward(loss);
                d = loss.getFloat();
            }
            disTrainer.step();
            float gLoss;
            discriminator.freezeParameters(true);
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray onFake = disTrainer.forward(trainer.forward(new NDList(noise(scope)))).head();
                NDArray loss = bce.evaluate(new NDList(ones), new NDList(onFake));
                collector.backward(loss);
                gLoss = loss.getFloat();
            } finally {
                discriminator.freezeParameters(false);
            }
            trainer.step();
            return d + gLoss;
        }
    }

    private NDArray noise(NDManager scope) {
        return scope.create(PlainModels.normal(random, batch * latent), new Shape(batch, latent));
    }

    @Override
    public void close() {
        disTrainer.close();
        disModel.close();
        super.close();
    }
}
