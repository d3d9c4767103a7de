package org.netwright.runner.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.transformer.IdEmbedding;
import ai.djl.nn.transformer.PointwiseFeedForwardBlock;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.loss.Loss;
import java.util.List;
import java.util.Random;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerParams;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.templates.Template;

/**
 * Each family's template model written again in plain DJL, the way a DJL user would: DJL's Conv2d, Linear, LSTM
 * (two one-way ones for the bidirectional template, as DJL's own bidirectional mode fails on this engine), IdEmbedding,
 * LayerNorm, ScaledDotProductAttentionBlock and PointwiseFeedForwardBlock, the GCN's propagation as a matmul in a
 * LambdaBlock, DJL's Adam and losses. Layer sizes, batch size and learning rate are read from the template; the data
 * are random arrays of the template's shapes (a step's cost does not depend on the values).
 */
final class PlainModels {
    private static final LayerCatalog CATALOG = LayerCatalog.standard();

    private PlainModels() {
    }

    /** The plain DJL twin of {@code family}'s template, ready to step with batches of {@code batch}. */
    static PlainStep create(Family family, Template template, int batch, long seed) {
        Random random = new Random(seed);
        Graph g = template.graph();
        double rate = template.settings().learningRate();
        PlainStep step = switch (family) {
            case CNN -> cnn(g, batch, rate, random);
            case LSTM -> lstm(g, batch, rate, random);
            case TRANSFORMER -> transformer(g, batch, rate, random);
            case GCN -> gcn(g, rate, random);
            case GAN -> new PlainGan(g, batch, rate, (float) template.settings().options().beta1(), random);
            case VAE -> vae(g, batch, rate, random);
        };
        // The template's own gradient clipping is part of its step: the twin clips too, or the ratio would compare
        // unequal work (the vae template clips to norm 1).
        double clip = template.settings().options().clipNorm();
        return clip > 0 ? step.clippingTo(clip) : step;
    }

    private static PlainStep cnn(Graph g, int batch, double rate, Random random) {
        LayerParams in = params(g, "image_input", 0);
        int c = in.getInt("channels");
        int h = in.getInt("height");
        int w = in.getInt("width");
        SequentialBlock net = new SequentialBlock();
        for (Node conv : nodes(g, "conv2d")) {
            LayerParams p = CATALOG.require("conv2d").resolve(conv.params());
            int k = p.getInt("kernel");
            net.add(Conv2d.builder().setFilters(p.getInt("filters")).setKernelShape(new Shape(k, k))
                            .optPadding(new Shape(k / 2, k / 2)).build())
                    .add(Activation::relu)
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        net.add(Blocks.batchFlattenBlock());
        List<Node> dense = nodes(g, "dense");
        for (int i = 0; i < dense.size(); i++) {
            net.add(Linear.builder().setUnits(units(dense.get(i))).build());
            if (i < dense.size() - 1) {
                net.add(Activation::relu);
            }
        }
        int classes = units(dense.get(dense.size() - 1));
        float[] x = normal(random, batch * c * h * w);
        float[] y = labels(random, batch, classes);
        return new PlainStep(net, new Shape[] {new Shape(batch, c, h, w)}, rate, 0.9f,
                m -> new NDList[] {new NDList(m.create(x, new Shape(batch, c, h, w))),
                        new NDList(m.create(y, new Shape(batch)))},
                Loss.softmaxCrossEntropyLoss()::evaluate);
    }

    private static PlainStep lstm(Graph g, int batch, double rate, Random random) {
        LayerParams in = params(g, "sequence_input", 0);
        int steps = in.getInt("steps");
        int features = in.getInt("features");
        int hidden = params(g, "lstm", 0).getInt("hidden");
        int classes = units(nodes(g, "dense").get(0));
        Block forward = LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).build();
        Block backward = new SequentialBlock().add(new LambdaBlock(l -> new NDList(l.head().flip(1))))
                .add(LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).build());
        // Each direction's state after its last step, side by side.
        Block both = new ParallelBlock(outs -> new NDList(NDArrays.concat(new NDList(
                outs.get(0).head().get(new NDIndex(":, -1, :")), outs.get(1).head().get(new NDIndex(":, -1, :"))), 1)),
                List.of(forward, backward));
        SequentialBlock net = new SequentialBlock().add(both).add(Linear.builder().setUnits(classes).build());
        float[] x = normal(random, batch * steps * features);
        float[] y = labels(random, batch, classes);
        return new PlainStep(net, new Shape[] {new Shape(batch, steps, features)}, rate, 0.9f,
                m -> new NDList[] {new NDList(m.create(x, new Shape(batch, steps, features))),
                        new NDList(m.create(y, new Shape(batch)))},
                Loss.softmaxCrossEntropyLoss()::evaluate);
    }

    private static PlainStep transformer(Graph g, int batch, double rate, Random random) {
        LayerParams in = params(g, "token_input", 0);
        int length = in.getInt("length");
        int vocabulary = in.getInt("vocabulary");
        LayerParams block = params(g, "transformer_encoder_block", 0);
        int d = block.getInt("d_model");
        int classes = units(nodes(g, "dense").get(0));
        float[] table = positions(length, d);
        SequentialBlock net = new SequentialBlock()
                .add(new IdEmbedding.Builder().setDictionarySize(vocabulary).setEmbeddingSize(d).build())
                .add(new LambdaBlock(l -> new NDList(l.head().add(l.head().getManager().create(table,
                        new Shape(length, d))))))
                .add(residual(new SequentialBlock().add(LayerNorm.builder().axis(2).build())
                        .add(ScaledDotProductAttentionBlock.builder().setEmbeddingSize(d)
                                .setHeadCount(block.getInt("heads")).optAttentionProbsDropoutProb(0f).build())))
                .add(residual(new SequentialBlock().add(LayerNorm.builder().axis(2).build())
                        .add(new PointwiseFeedForwardBlock(List.of(block.getInt("ff_dim")), d, Activation::relu))))
                .add(new LambdaBlock(l -> new NDList(l.head().mean(new int[] {1}))))
                .add(Linear.builder().setUnits(classes).build());
        float[] x = labels(random, batch * length, vocabulary);
        float[] y = labels(random, batch, classes);
        return new PlainStep(net, new Shape[] {new Shape(batch, length)}, rate, 0.9f,
                m -> new NDList[] {new NDList(m.create(x, new Shape(batch, length)).toType(DataType.INT32, false)),
                        new NDList(m.create(y, new Shape(batch)))},
                Loss.softmaxCrossEntropyLoss()::evaluate);
    }

    private static PlainStep gcn(Graph g, double rate, Random random) {
        LayerParams in = params(g, "graph_input", 0);
        int n = in.getInt("nodes");
        int f = in.getInt("features");
        List<Node> layers = nodes(g, "gcn");
        SequentialBlock net = new SequentialBlock()
                .add(new LambdaBlock(l -> new NDList(l.get(0), normalized(l.get(1)))));
        for (int i = 0; i < layers.size(); i++) {
            // Â (H W): DJL's Linear makes H W (+ bias), a LambdaBlock multiplies by the normalized adjacency.
            net.add(onFeatures(Linear.builder().setUnits(units(layers.get(i))).build()))
                    .add(new LambdaBlock(l -> new NDList(l.get(1).matMul(l.get(0)), l.get(1))));
            if (i < layers.size() - 1) {
                net.add(onFeatures(new SequentialBlock().add(Activation::relu).add(Dropout.builder().optRate(0.5f)
                        .build())));
            }
        }
        net.add(new LambdaBlock(l -> new NDList(l.get(0))));
        int classes = units(layers.get(layers.size() - 1));
        float[] x = normal(random, n * f);
        float[] a = new float[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextDouble() < 0.035 ? 1f : 0f;
        }
        float[] y = labels(random, n, classes);
        Loss ce = Loss.softmaxCrossEntropyLoss();
        return new PlainStep(net, new Shape[] {new Shape(1, n, f), new Shape(1, n, n)}, rate, 0.9f,
                m -> new NDList[] {new NDList(m.create(x, new Shape(1, n, f)), m.create(a, new Shape(1, n, n))),
                        new NDList(m.create(y, new Shape(n)))},
                (labels, out) -> ce.evaluate(labels, new NDList(out.head().reshape(n, classes))));
    }

    /** D^-1/2 (A + I) D^-1/2, as Kipf and Welling's GCN propagates. */
    private static NDArray normalized(NDArray a) {
        long n = a.getShape().get(1);
        NDArray withLoops = a.add(a.getManager().eye((int) n));
        NDArray inverseRoot = withLoops.sum(new int[] {-1}).pow(-0.5f);
        return withLoops.mul(inverseRoot.expandDims(-1)).mul(inverseRoot.expandDims(1));
    }

    private static PlainStep vae(Graph g, int batch, double rate, Random random) {
        int features = params(g, "vector_input", 0).getInt("features");
        int hidden = units(g.nodes().get("dense_1"));
        int latent = units(g.nodes().get("mu"));
        Block encoder = new SequentialBlock().add(Linear.builder().setUnits(hidden).build()).add(Activation::tanh)
                .add(Linear.builder().setUnits(hidden).build()).add(Activation::tanh);
        Block heads = new ParallelBlock(outs -> new NDList(outs.get(0).head(), outs.get(1).head()),
                List.of(Linear.builder().setUnits(latent).build(), Linear.builder().setUnits(latent).build()));
        Block decoder = new SequentialBlock()
                .add(new LambdaBlock(l -> {
                    NDArray mu = l.get(0);
                    NDArray logVar = l.get(1);
                    NDArray eps = mu.getManager().randomNormal(mu.getShape());
                    return new NDList(mu.add(logVar.mul(0.5f).exp().mul(eps)));
                }))
                .add(Linear.builder().setUnits(hidden).build()).add(Activation::tanh)
                .add(Linear.builder().setUnits(hidden).build()).add(Activation::tanh)
                .add(Linear.builder().setUnits(features).build());
        // Outputs: the reconstruction, then mu and log-variance for the KL term.
        Block net = new SequentialBlock().add(encoder).add(heads).add(new ParallelBlock(
                outs -> new NDList(outs.get(1).head(), outs.get(0).get(0), outs.get(0).get(1)),
                List.of(new LambdaBlock(l -> l), decoder)));
        float[] x = normal(random, batch * features);
        return new PlainStep(net, new Shape[] {new Shape(batch, features)}, rate, 0.9f,
                m -> {
                    NDArray points = m.create(x, new Shape(batch, features));
                    return new NDList[] {new NDList(points), new NDList(points)};
                },
                (labels, out) -> {
                    NDArray recon = out.get(0).sub(labels.head()).square().mean();
                    NDArray mu = out.get(1);
                    NDArray logVar = out.get(2);
                    NDArray kl = logVar.add(1f).sub(mu.square()).sub(logVar.exp()).sum(new int[] {-1}).mul(-0.5f)
                            .mean();
                    return recon.add(kl);
                });
    }

    /** x + f(x). */
    static Block residual(Block f) {
        return new ParallelBlock(outs -> new NDList(outs.get(0).head().add(outs.get(1).head())),
                List.of(new LambdaBlock(l -> l), f));
    }

    /** Applies {@code f} to the first array of a (features, adjacency) pair and passes the adjacency on. */
    private static Block onFeatures(Block f) {
        return new ParallelBlock(outs -> new NDList(outs.get(0).head(), outs.get(1).head()),
                List.of(new SequentialBlock().add(new LambdaBlock(l -> new NDList(l.get(0)))).add(f),
                        new LambdaBlock(l -> new NDList(l.get(1)))));
    }

    /** The sinusoidal position table, T×D. */
    private static float[] positions(int length, int d) {
        float[] t = new float[length * d];
        for (int p = 0; p < length; p++) {
            for (int i = 0; i < d; i++) {
                double angle = p / Math.pow(10000, (i / 2 * 2) / (double) d);
                t[p * d + i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return t;
    }

    static List<Node> nodes(Graph g, String type) {
        return g.topologicalOrder().stream().map(id -> g.nodes().get(id)).filter(n -> n.type().equals(type)).toList();
    }

    static LayerParams params(Graph g, String type, int index) {
        return CATALOG.require(type).resolve(nodes(g, type).get(index).params());
    }

    static int units(Node n) {
        return CATALOG.require(n.type()).resolve(n.params()).getInt("units");
    }

    static float[] normal(Random random, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }

    static float[] labels(Random random, int size, int classes) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = random.nextInt(classes);
        }
        return v;
    }
}
