package org.netwright.runner.run;

import org.netwright.model.run.RunEvent;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.task.DataField;
import org.netwright.model.task.GanParts;
import org.netwright.model.task.NetworkEnds;
import org.netwright.model.task.Task;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.checkpoint.LoadReport;
import org.netwright.runner.checkpoint.Tensor;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.templates.data.Dataset;
import org.netwright.templates.data.Samples;

/**
 * A GAN: the generator G (the run's main block) turns noise, and any class condition, into samples; the
 * discriminator D (a second model made in {@link #prepare}) scores samples as real or generated. Each step first
 * trains D on a real batch (target 1) and a generated one (target 0, detached from G), then G with D frozen, on the
 * non-saturating loss that D takes fresh samples for real. Both losses are binary cross-entropy on D's logits,
 * reported as {@code d_loss} and {@code g_loss}; as they fight each other, the validation and test parts also report
 * {@code swd}, the {@link SampleDistance} of G's samples from fixed inputs to the part's real samples, which falls as
 * G learns.
 */
final class GanTask implements TrainingTask {
    private static final int EVAL_BATCH = 256;

    private final Task task;
    private final Samples.Split data;
    private final GanParts parts;
    private final NetworkEnds genEnds;
    private final NetworkEnds disEnds;
    private final String realInput;
    private Random noise;
    private final long seed;
    /** Whether the next step's noise and samples are made on a prefetch thread while a step runs. */
    private final boolean prefetch;
    private float[][] gridInputs;
    private int gridRows;
    private int gridCols;
    private final Map<String, String> noiseDistribution = new LinkedHashMap<>();
    private GraphBlock discriminator;
    private Model disModel;
    private Trainer disTrainer;
    /** The discriminator's optimizer, whose moments a resumable checkpoint keeps. */
    private org.netwright.runner.optim.ScheduledOptimizer disOptimizer;
    private List<NetworkEnds.End> genInputs;
    private List<NetworkEnds.End> disInputs;

    GanTask(Graph graph, Task task, Samples.Split data, long seed, boolean prefetch) {
        this.prefetch = prefetch;
        this.task = task;
        this.data = data;
        this.parts = GanParts.of(graph, task);
        this.genEnds = NetworkEnds.of(parts.generator());
        this.disEnds = NetworkEnds.of(parts.discriminator());
        this.realInput = task.options().get("real_input");
        this.noise = new Random(Dataset.stream(seed, 3));
        this.seed = seed;
        for (Node n : parts.generator().nodes().values()) {
            if (n.type().equals("noise_input")) {
                noiseDistribution.put(n.id(), String.valueOf(n.params().getOrDefault("distribution", "normal")));
            }
        }
    }

    @Override
    public GraphBlock compile(Graph graph) {
        String g = task.options().get("generator");
        String d = task.options().get("discriminator");
        GraphBlock gen = GraphCompiler.compile(parts.generator(), List.of(output(genEnds, g)), List.of(g));
        this.discriminator = GraphCompiler.compile(parts.discriminator(), List.of(output(disEnds, d)), List.of(d));
        return gen;
    }

    private static String output(NetworkEnds ends, String node) {
        return ends.output(node).map(NetworkEnds.End::ref).orElseThrow(() -> new IllegalArgumentException(
                "'" + node + "' is not one of the network's outputs."));
    }

    @Override
    public String mismatch(GraphBlock block) {
        genInputs = new ArrayList<>();
        for (String port : block.inputPorts()) {
            genInputs.addAll(genEnds.inputsOf(port.substring(0, port.lastIndexOf('.'))));
        }
        disInputs = new ArrayList<>();
        for (String port : discriminator.inputPorts()) {
            disInputs.addAll(disEnds.inputsOf(port.substring(0, port.lastIndexOf('.'))));
        }
        if (disInputs.stream().noneMatch(e -> e.nodeId().equals(realInput))) {
            return "The discriminator has no data input '" + realInput + "' for real and generated samples.";
        }
        for (NetworkEnds.End in : concat(genInputs, disInputs)) {
            if (noiseDistribution.containsKey(in.nodeId()) || in.nodeId().equals(realInput)
                    && task.fieldOf(in.nodeId()).isEmpty()) {
                continue;
            }
            String field = task.fieldOf(in.nodeId()).orElse(null);
            if (field == null) {
                return "No data field feeds the input layer '" + in.nodeId() + "'.";
            }
            if (data.train().column(field).isEmpty()) {
                return "The input layer '" + in.nodeId() + "' reads the field '" + field + "', which the data lack"
                        + " (they have " + String.join(", ", data.train().fields().stream().map(DataField::name)
                        .toList()) + ").";
            }
        }
        if (task.fieldOf(realInput).isEmpty()) {
            return "No data field feeds the discriminator's data input '" + realInput + "'.";
        }
        if (data.train().size() == 0) {
            return "There is no training data left after the validation and test split.";
        }
        return null;
    }

    private static List<NetworkEnds.End> concat(List<NetworkEnds.End> a, List<NetworkEnds.End> b) {
        List<NetworkEnds.End> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Override
    public int trainSize() {
        return data.train().size();
    }

    @Override
    public Shape[] inputShapes(int batch) {
        return shapes(genInputs, batch);
    }

    private static Shape[] shapes(List<NetworkEnds.End> ins, int batch) {
        return ins.stream().map(in -> new Shape(in.shape().withBatch(batch))).toArray(Shape[]::new);
    }

    @Override
    public void prepare(Trainer trainer, Device device, int batch, TrainerFactory trainers) {
        disModel = Model.newInstance("discriminator", device);
        disModel.setBlock(discriminator);
        SecondTrainer second = trainers.trainer(disModel);
        disTrainer = second.trainer();
        disOptimizer = second.optimizer();
        disTrainer.initialize(shapes(disInputs, batch));
    }

    /** A step's data: G's inputs for D's step (noise drawn first), the real samples, G's inputs for G's own step. */
    private record StepData(NDList forD, NDArray real, NDList forG) {
        void attach(NDManager scope) {
            forD.attach(scope);
            real.attach(scope);
            forG.attach(scope);
        }
    }

    /** Made in this order, so the noise stream is drawn as when each part was made where it is used. */
    private StepData makeStepData(NDManager manager, int[] order, int from, int to) {
        Samples part = data.train();
        NDList forD = genInputs(manager, part, order, from, to);
        NDArray real = real(manager, part, order, from, to);
        return new StepData(forD, real, genInputs(manager, part, order, from, to));
    }

    /**
     * The data of step {@code order[from..to)}: made ahead on the prefetch thread while the step before ran when it
     * is that step, else made now; then the next step of the same epoch is started there, so the trainer does not
     * wait for noise and samples (see {@link StepPrefetcher}).
     */
    private StepData stepData(Trainer trainer, NDManager scope, int[] order, int from, int to) {
        StepData d = prefetcher.take(scope, order, from, to);
        int n = data.train().size();
        if (prefetch && to < n) {
            prefetcher.startNext(trainer.getManager(), order, to, Math.min(n, to + (to - from)));
        }
        return d;
    }

    /** Makes steps' noise and real samples ahead; the stream it reads is the noise's. */
    private final StepPrefetcher<StepData> prefetcher = new StepPrefetcher<>("netwright-gan-prefetch",
            this::makeStepData, StepData::attach, () -> Streams.bytes(noise));

    /** G's inputs for samples {@code order[from..to)} of {@code part}: fresh noise and the samples' conditions. */
    private NDList genInputs(NDManager scope, Samples part, int[] order, int from, int to) {
        NDList x = new NDList();
        for (NetworkEnds.End in : genInputs) {
            String distribution = noiseDistribution.get(in.nodeId());
            x.add(distribution != null ? noise(scope, to - from, in.shape(), distribution)
                    : field(scope, part, in, order, from, to));
        }
        return x;
    }

    /** D's inputs: {@code samples} at the data input, the samples' conditions at the label inputs. */
    private NDList disInputs(NDManager scope, NDArray samples, Samples part, int[] order, int from, int to) {
        NDList x = new NDList();
        for (NetworkEnds.End in : disInputs) {
            x.add(in.nodeId().equals(realInput) ? samples : field(scope, part, in, order, from, to));
        }
        return x;
    }

    private NDArray field(NDManager scope, Samples part, NetworkEnds.End in, int[] order, int from, int to) {
        Samples.Column c = part.require(task.fieldOf(in.nodeId()).orElseThrow());
        return scope.create(c.gather(order, from, to), new Shape(in.shape().withBatch(to - from)));
    }

    private NDArray real(NDManager scope, Samples part, int[] order, int from, int to) {
        NetworkEnds.End in = disInputs.stream().filter(e -> e.nodeId().equals(realInput)).findFirst().orElseThrow();
        return field(scope, part, in, order, from, to);
    }

    /** Fresh latent vectors from the run's seeded stream, so a rerun with the same seed draws the same noise. */
    private NDArray noise(NDManager scope, int n, org.netwright.model.shape.Shape shape, String distribution) {
        float[] v = new float[Math.toIntExact(n * shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = "uniform".equals(distribution) ? (float) (noise.nextDouble() * 2 - 1) : (float) noise.nextGaussian();
        }
        return scope.create(v, new Shape(shape.withBatch(n)));
    }

    /**
     * Binary cross-entropy of logits against a constant target 1 or 0, averaged: {@code -log(sigmoid(x))} is
     * {@code softplus(-x)} and {@code -log(1 - sigmoid(x))} is {@code softplus(x)}. libtorch's softplus is stable on
     * its own (it returns x past 20, {@code log1p(exp(x))} below), so the loss is one fused op and its backward one,
     * where {@code log(1 + exp(-|x|)) + max(x, 0) - t x} took seven ops each way.
     */
    private static NDArray bce(NDArray logits, boolean real) {
        return Activation.softPlus(real ? logits.neg() : logits).mean();
    }

    @Override
    public StepValues step(Trainer trainer, NDManager scope, int[] order, int from, int to, Consumer<Trainer> update) {
        Samples part = data.train();
        StepData d = stepData(trainer, scope, order, from, to);
        float dLoss;
        // DJL allows one gradient collector at a time: D's step, then G's, each in its own.
        try (GradientCollector collector = disTrainer.newGradientCollector()) {
            NDArray fake = trainer.forward(d.forD()).singletonOrThrow().stopGradient();
            NDArray onReal = disTrainer.forward(disInputs(scope, d.real(), part, order, from, to)).singletonOrThrow();
            NDArray onFake = disTrainer.forward(disInputs(scope, fake, part, order, from, to)).singletonOrThrow();
            NDArray loss = bce(onReal, true).add(bce(onFake, false));
            collector.backward(loss);
            dLoss = loss.getFloat();
        }
        update.accept(disTrainer);
        float gLoss;
        // D is frozen so that G's loss leaves no gradient on D's weights.
        discriminator.freezeParameters(true);
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray fake = trainer.forward(d.forG()).singletonOrThrow();
            NDArray onFake = disTrainer.forward(disInputs(scope, fake, part, order, from, to)).singletonOrThrow();
            NDArray loss = bce(onFake, true);
            collector.backward(loss);
            gLoss = loss.getFloat();
        } finally {
            discriminator.freezeParameters(false);
        }
        update.accept(trainer);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("d_loss", (double) dLoss);
        values.put("g_loss", (double) gLoss);
        return new StepValues(dLoss + gLoss, values);
    }

    /** The noise stream as of the last step taken. */
    @Override
    public byte[] streamState() {
        return prefetcher.streamState();
    }

    @Override
    public void restoreStreams(byte[] state) {
        if (state.length > 0) {
            noise = Streams.random(state);
        }
    }

    /** The checkpoint part that holds the discriminator's optimizer state. */
    static final String DISCRIMINATOR_OPTIMIZER = org.netwright.runner.checkpoint.ResumePoint.DISCRIMINATOR_OPTIMIZER;

    @Override
    public Map<String, byte[]> optimizerParts() {
        return Map.of(DISCRIMINATOR_OPTIMIZER, disOptimizer.saveState(
                org.netwright.runner.optim.Optimizers.parametersByNode(discriminator.weightedNodes())));
    }

    @Override
    public void restoreOptimizers(Map<String, byte[]> parts) {
        byte[] state = parts.get(DISCRIMINATOR_OPTIMIZER);
        // Saved before checkpoints kept it: the discriminator's moments would start from zero, not as they were.
        java.util.Optional<String> why = org.netwright.runner.checkpoint.ResumePoint.whyNotAs(Task.GAN, parts.keySet(), 0);
        if (why.isPresent()) {
            throw new IllegalArgumentException(why.get());
        }
        disOptimizer.loadState(state,
                org.netwright.runner.optim.Optimizers.parametersByNode(discriminator.weightedNodes()));
    }

    @Override
    public byte[] weights(GraphBlock main) {
        List<Tensor> all = new ArrayList<>(Checkpoints.read(Checkpoints.save(main)));
        all.addAll(Checkpoints.read(Checkpoints.save(discriminator)));
        return Checkpoints.write(all);
    }

    @Override
    public LoadReport loadWeights(GraphBlock main, byte[] bytes) {
        LoadReport g = Checkpoints.load(main, bytes);
        LoadReport d = Checkpoints.load(discriminator, bytes);
        List<String> loaded = new ArrayList<>(g.loaded());
        loaded.addAll(d.loaded());
        Map<String, String> skipped = new LinkedHashMap<>(g.skipped());
        skipped.putAll(d.skipped());
        return new LoadReport(loaded, skipped);
    }

    /**
     * G's samples from inputs fixed for the whole run (drawn once from the run's seed): 8×8 from noise alone, or for
     * a conditional GAN one row per class (at most 8) with the same noise in every row, so rows differ by class only.
     */
    @Override
    public RunEvent.Samples samples(Trainer trainer, GraphBlock main, int epoch) {
        float[][] inputs = gridInputs();
        int n = gridRows * gridCols;
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDList x = new NDList();
            for (int i = 0; i < genInputs.size(); i++) {
                x.add(scope.create(inputs[i], new Shape(genInputs.get(i).shape().withBatch(n))));
            }
            float[] values = trainer.evaluate(x).singletonOrThrow().toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                    .toFloatArray();
            return new RunEvent.Samples(epoch, gridRows, gridCols,
                    genEnds.output(task.options().get("generator")).orElseThrow().shape().toArray(), values);
        }
    }

    private float[][] gridInputs() {
        if (gridInputs != null) {
            return gridInputs;
        }
        int classes = 0;
        for (NetworkEnds.End in : genInputs) {
            if (!noiseDistribution.containsKey(in.nodeId())) {
                classes = Math.max(classes, data.train().require(task.fieldOf(in.nodeId()).orElseThrow()).field().classes());
            }
        }
        gridRows = classes > 0 ? Math.min(8, classes) : 8;
        gridCols = RunEvent.Samples.MAX / 8;
        Random fixed = new Random(Dataset.stream(seed, 4));
        gridInputs = new float[genInputs.size()][];
        for (int i = 0; i < genInputs.size(); i++) {
            NetworkEnds.End in = genInputs.get(i);
            int width = Math.toIntExact(in.shape().size());
            float[] v = new float[gridRows * gridCols * width];
            String distribution = noiseDistribution.get(in.nodeId());
            for (int r = 0; r < gridRows; r++) {
                for (int c = 0; c < gridCols; c++) {
                    int at = (r * gridCols + c) * width;
                    for (int k = 0; k < width; k++) {
                        if (distribution == null) {
                            v[at + k] = r;
                        } else if (classes > 0 && r > 0) {
                            v[at + k] = v[c * width + k];
                        } else {
                            v[at + k] = "uniform".equals(distribution) ? (float) (fixed.nextDouble() * 2 - 1)
                                    : (float) fixed.nextGaussian();
                        }
                    }
                }
            }
            gridInputs[i] = v;
        }
        return gridInputs;
    }

    @Override
    public void close() {
        prefetcher.close();
        if (disTrainer != null) {
            disTrainer.close();
        }
        if (disModel != null) {
            disModel.close();
        }
    }

    @Override
    public Evaluation validate(Trainer trainer) {
        return evaluate(trainer, data.validation());
    }

    @Override
    public Evaluation test(Trainer trainer) {
        return evaluate(trainer, data.test());
    }

    /** D's and G's losses on a part, without training: how well D tells its real samples from fresh fakes. */
    private Evaluation evaluate(Trainer trainer, Samples part) {
        int n = part.size();
        if (n == 0) {
            return Evaluation.NONE;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double dSum = 0;
        double gSum = 0;
        for (int from = 0; from < n; from += EVAL_BATCH) {
            int to = Math.min(n, from + EVAL_BATCH);
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDArray fake = trainer.evaluate(genInputs(scope, part, order, from, to)).singletonOrThrow();
                NDArray onReal = disTrainer.evaluate(disInputs(scope, real(scope, part, order, from, to), part, order,
                        from, to)).singletonOrThrow();
                NDArray onFake = disTrainer.evaluate(disInputs(scope, fake, part, order, from, to)).singletonOrThrow();
                dSum += bce(onReal, true).add(bce(onFake, false)).getFloat() * (double) (to - from);
                gSum += bce(onFake, true).getFloat() * (double) (to - from);
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("d_loss", dSum / n);
        metrics.put("g_loss", gSum / n);
        metrics.put("swd", distance(trainer, part, order));
        return new Evaluation((dSum + gSum) / n, metrics);
    }

    /** The {@link SampleDistance} of G's samples from the fixed inputs to the part's first real samples. */
    private double distance(Trainer trainer, Samples part, int[] order) {
        int n = SampleDistance.count(part.size());
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDList x = new NDList();
            for (NetworkEnds.End in : genInputs) {
                String distribution = noiseDistribution.get(in.nodeId());
                x.add(distribution == null ? field(scope, part, in, order, 0, n) : scope.create(SampleDistance.noise(n,
                        Math.toIntExact(in.shape().size()), distribution, seed, in.nodeId()),
                        new Shape(in.shape().withBatch(n))));
            }
            float[] fake = trainer.evaluate(x).singletonOrThrow().toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                    .toFloatArray();
            float[] real = real(scope, part, order, 0, n).toFloatArray();
            int width = real.length / n;
            return SampleDistance.sliced(real, fake, n, width, SampleDistance.directions(width, seed));
        }
    }
}
