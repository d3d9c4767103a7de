package org.netwright.runner.run;

import org.netwright.model.run.RunEvent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerParams;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;
import org.netwright.model.task.DataField;
import org.netwright.model.task.NetworkEnds;
import org.netwright.model.task.Objective;
import org.netwright.model.task.Task;
import org.netwright.model.task.TaskProposal;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.templates.data.Dataset;
import org.netwright.templates.data.Samples;
import org.netwright.runner.nd.Scalars;

/**
 * A {@link Task} over samples with named fields: each step feeds every input layer its field (or fresh noise),
 * sums the objectives' weighted losses (plus, for a VAE, the KL term of every sampling layer) and scores each
 * objective with its metrics. Several inputs and outputs train alike.
 */
final class BoundTask implements SingleLossTask {
    private static final int EVAL_BATCH = 256;
    /** How many batches ahead a lazily read field is asked to decode (its source keeps them within its cache). */
    private static final int LOOKAHEAD = 4;

    private final Task task;
    private final Graph graph;
    private final long seed;
    private final Samples.Split data;
    private final NetworkEnds ends;
    private final List<ObjectiveLoss> losses = new ArrayList<>();
    private final List<DataField> targets = new ArrayList<>();
    private Random noise;
    private final Map<String, LayerParams> noiseInputs = new LinkedHashMap<>();
    private final List<String[]> sampling = new ArrayList<>();
    private final double klWeight;
    private List<String> inputFields;
    private final List<NetworkEnds.End> blockInputs = new ArrayList<>();

    /** Changes training images each batch (null: none), drawn from their own seeded stream. */
    private final org.netwright.runner.data.ImageAugmentation augmentation;
    private Random augmentRandom;

    /** Whether the data are read ahead at all: a lazily read folder decodes the batches after the next one. */
    private final boolean prefetch;
    /**
     * Whether the next training batch is made on the prefetch thread while a step runs (see {@link #trainBatch}):
     * for data read from files or augmented. A batch of samples in memory is a gather and a copy (0.06-0.19 ms, a
     * few % of a template's step); handing it over from another thread cost more than that when libtorch's threads
     * take every core (quiet bench, ours/plain at 2 threads: cnn 1.03 with the thread, 0.97 without; transformer 1.01
     * and 0.99).
     */
    private final boolean prefetchBatches;
    /** Time the training thread waited for its batches, and over how many steps. */
    private long waitNanos;
    private long waitedSteps;

    BoundTask(Graph graph, Task task, Samples.Split data, long seed) {
        this(graph, task, data, seed, null, true);
    }

    /** As below, prefetching. */
    BoundTask(Graph graph, Task task, Samples.Split data, long seed,
              org.netwright.runner.data.ImageAugmentation augmentation) {
        this(graph, task, data, seed, augmentation, true);
    }

    /**
     * As above, with image {@code augmentation} (or null) applied to the images of training batches only, and
     * {@code prefetch} saying whether batches are made ahead on a background thread (off only to measure it).
     */
    BoundTask(Graph graph, Task task, Samples.Split data, long seed,
              org.netwright.runner.data.ImageAugmentation augmentation, boolean prefetch) {
        this.prefetch = prefetch;
        this.prefetchBatches = prefetch && (data.train().hasLazyFields() || augmentation != null);
        this.augmentation = augmentation;
        this.augmentRandom = new Random(Dataset.stream(seed, 6));
        this.graph = graph;
        this.seed = seed;
        this.task = task;
        this.data = data;
        this.ends = NetworkEnds.of(graph);
        this.noise = new Random(Dataset.stream(seed, 3));
        for (Objective o : task.objectives()) {
            DataField target = data.train().require(o.target()).field();
            targets.add(target);
            losses.add(new ObjectiveLoss(o.loss(), target));
        }
        LayerCatalog catalog = LayerCatalog.standard();
        for (Node n : graph.nodes().values()) {
            if (n.type().equals("noise_input")) {
                noiseInputs.put(n.id(), catalog.require(n.type()).resolve(n.params()));
            }
            if (n.type().equals("sampling") && task.recipe().equals(Task.VAE)) {
                String mu = graph.incoming(new PortRef(n.id(), "mu")).map(e -> e.from().nodeId() + "." + e.from().port())
                        .orElseThrow();
                String logVar = graph.incoming(new PortRef(n.id(), "log_var"))
                        .map(e -> e.from().nodeId() + "." + e.from().port()).orElseThrow();
                sampling.add(new String[] {mu, logVar});
            }
        }
        this.klWeight = Double.parseDouble(task.options().getOrDefault("kl_weight", "1"));
        this.prefetcher = new StepPrefetcher<>("netwright-batch-prefetch",
                (manager, order, from, to) -> batch(manager, data.train(), order, from, to, true),
                (b, scope) -> {
                    for (NDArray a : b.inputs()) {
                        a.attach(scope);
                    }
                    b.targets().forEach(a -> a.attach(scope));
                }, () -> Streams.bytes(noise, augmentRandom));
    }

    /**
     * A VAE's decoded prior samples: the layers after its sampling layer, with the current weights, on 64 normal
     * draws fixed by the run's seed; null for other tasks, or when the decoder cannot run on its own.
     */
    @Override
    public RunEvent.Samples samples(Trainer trainer, GraphBlock main, int epoch) {
        if (!task.recipe().equals(Task.VAE)) {
            return null;
        }
        Node sampler = graph.nodes().values().stream().filter(n -> n.type().equals("sampling")).findFirst().orElse(null);
        if (sampler == null) {
            return null;
        }
        Graph decoder;
        try {
            decoder = org.netwright.model.task.GraphCuts.after(graph, sampler.id());
        } catch (IllegalArgumentException e) {
            return null;
        }
        List<NetworkEnds.End> outs = NetworkEnds.of(decoder).outputs();
        if (outs.size() != 1) {
            return null;
        }
        try (org.netwright.runner.generate.GanSampler part = org.netwright.runner.generate.GanSampler.openPart(decoder,
                outs.get(0).nodeId(), weights(main))) {
            int side = 8;
            float[] values = part.sample(side * side, Dataset.stream(seed, 4), null);
            return new RunEvent.Samples(epoch, side, side, part.sampleShape().toArray(), values);
        }
    }

    @Override
    public GraphBlock compile(Graph graph) {
        List<String> outputs = new ArrayList<>();
        List<String> skip = new ArrayList<>();
        for (int i = 0; i < task.objectives().size(); i++) {
            Objective o = task.objectives().get(i);
            outputs.add(ends.output(o.output()).map(NetworkEnds.End::ref).orElseThrow(() -> new IllegalArgumentException(
                    "'" + o.output() + "' is not one of the network's outputs.")));
            if (losses.get(i).takesLogits()) {
                skip.add(o.output());
            }
        }
        for (String[] s : sampling) {
            outputs.add(s[0]);
            outputs.add(s[1]);
        }
        return GraphCompiler.compile(graph, outputs, skip);
    }

    @Override
    public String mismatch(GraphBlock block) {
        List<String> fields = new ArrayList<>();
        blockInputs.clear();
        for (String port : block.inputPorts()) {
            String node = port.substring(0, port.lastIndexOf('.'));
            blockInputs.addAll(ends.inputsOf(node));
            if (ends.inputsOf(node).size() != 1) {
                return "The input layer '" + node + "' is a graph input, which trains on one graph (an edge table"
                        + " NAME_edges.csv with its node table, or the communities generator); these data are samples with fields " + names() + ".";
            }
            String field = task.fieldOf(node).orElse(null);
            if (field == null) {
                return "No data field feeds the input layer '" + node + "'.";
            }
            fields.add(field);
        }
        List<DataField> all = new ArrayList<>(data.train().fields());
        noiseInputs.forEach((id, p) -> task.fieldOf(id).ifPresent(f -> all.add(DataField.noise(f,
                org.netwright.model.shape.Shape.of(p.getInt("latent"))))));
        List<String> problems = TaskProposal.problems(task, ends, all);
        if (!problems.isEmpty()) {
            return problems.get(0);
        }
        if (data.train().size() == 0) {
            return "There is no training data left after the validation and test split.";
        }
        this.inputFields = fields;
        return null;
    }

    private String names() {
        return String.join(", ", data.train().fields().stream().map(DataField::name).toList());
    }

    @Override
    public int trainSize() {
        return data.train().size();
    }

    @Override
    public Shape[] inputShapes(int batch) {
        List<Shape> out = new ArrayList<>();
        for (NetworkEnds.End in : blockInputs) {
            out.add(new Shape(in.shape().withBatch(batch)));
        }
        return out.toArray(Shape[]::new);
    }

    /** The inputs of samples {@code order[from..to)} of {@code part}, in the block's input order. */
    private NDList inputs(NDManager scope, Samples part, int[] order, int from, int to, boolean training) {
        NDList x = new NDList();
        for (int i = 0; i < blockInputs.size(); i++) {
            NetworkEnds.End in = blockInputs.get(i);
            String field = inputFields.get(i);
            LayerParams noiseParams = noiseInputs.get(in.nodeId());
            if (noiseParams != null && field.startsWith(TaskProposal.NOISE) && part.column(field).isEmpty()) {
                x.add(noise(scope, to - from, in.shape(), noiseParams.getString("distribution")));
            } else {
                x.add(scope.create(inputValues(i, part, order, from, to, training),
                        new Shape(in.shape().withBatch(to - from))));
            }
        }
        return x;
    }

    /**
     * The values block input {@code input} reads for samples {@code order[from..to)}: an image input's images of a
     * training batch changed by the augmentation, anything else as stored.
     */
    float[] inputValues(int input, Samples part, int[] order, int from, int to, boolean training) {
        float[] v = gather(part.require(inputFields.get(input)), order, from, to);
        org.netwright.model.shape.Shape shape = blockInputs.get(input).shape();
        if (training && augmentation != null && shape.rank() == 3) {
            augmentation.apply(v, to - from, shape.dim(0), shape.dim(1), shape.dim(2), augmentRandom);
        }
        return v;
    }

    /** Fresh latent vectors from the run's seeded stream, so a rerun with the same seed draws the same noise. */
    private NDArray noise(NDManager scope, int n, org.netwright.model.shape.Shape shape, String distribution) {
        float[] v = new float[Math.toIntExact(n * shape.size())];
        for (int i = 0; i < v.length; i++) {
            v[i] = "uniform".equals(distribution) ? (float) (noise.nextDouble() * 2 - 1) : (float) noise.nextGaussian();
        }
        return scope.create(v, new Shape(shape.withBatch(n)));
    }

    private static float[] gather(Samples.Column c, int[] order, int from, int to) {
        return c.gather(order, from, to);
    }

    private NDArray target(NDManager scope, Samples part, int index, int[] order, int from, int to) {
        DataField f = targets.get(index);
        float[] v = gather(part.require(f.name()), order, from, to);
        NDArray y = scope.create(v, new Shape(f.shape().withBatch(to - from)));
        return f.kind() == DataField.Kind.VALUES ? y : y.toType(DataType.INT64, false);
    }

    /** One batch's arrays: what the inputs read and what each objective compares with. */
    private record Batch(NDList inputs, List<NDArray> targets) {
    }

    private Batch batch(NDManager manager, Samples part, int[] order, int from, int to, boolean training) {
        List<NDArray> y = new ArrayList<>();
        NDList x = inputs(manager, part, order, from, to, training);
        for (int i = 0; i < losses.size(); i++) {
            y.add(target(manager, part, i, order, from, to));
        }
        return new Batch(x, y);
    }

    /**
     * The training batch {@code order[from..to)}: the one prefetched while the last step ran when it is that batch,
     * else made now; then the next batch of the same epoch is made on the prefetch thread while this step runs, so
     * the trainer does not wait for its data. Batches are made one at a time and in order, so the noise stream is
     * drawn exactly as without prefetching.
     */
    private Batch trainBatch(Trainer trainer, NDManager scope, int[] order, int from, int to) {
        long start = System.nanoTime();
        Batch b = madeBatch(trainer, scope, order, from, to);
        waitNanos += System.nanoTime() - start;
        waitedSteps++;
        return b;
    }

    /** How long the training thread waited for its batches so far, over how many steps. */
    @Override
    public DataWait dataWait() {
        return new DataWait(waitedSteps, waitNanos, prefetcher.blockedNanos(), prefetcher.prefetchedSteps());
    }

    private Batch madeBatch(Trainer trainer, NDManager scope, int[] order, int from, int to) {
        Batch b = prefetcher.take(scope, order, from, to);
        int n = data.train().size();
        if (prefetch && data.train().hasLazyFields()) {
            // Samples read from files: their sources start decoding the batches after the next one now.
            data.train().prefetch(order, to, Math.min(n, to + LOOKAHEAD * (to - from)));
        }
        if (prefetchBatches && to < n) {
            prefetcher.startNext(trainer.getManager(), order, to, Math.min(n, to + (to - from)));
        }
        return b;
    }

    /** Makes training batches ahead; the streams it reads are the noise inputs' and the augmentation's. */
    private final StepPrefetcher<Batch> prefetcher;

    @Override
    public void close() {
        prefetcher.close();
    }

    @Override
    public NDList probeInputs(NDManager scope, int[] order, int from, int to) {
        // Noise inputs would draw from the run's seeded stream and change every later step: no probe then.
        return noiseInputs.isEmpty() && inputFields != null ? inputs(scope, data.train(), order, from, to, false) : null;
    }

    @Override
    public StepLoss trainStep(Trainer trainer, NDManager scope, int[] order, int from, int to) {
        Batch b = trainBatch(trainer, scope, order, from, to);
        NDList out = trainer.forward(b.inputs());
        return loss(out, b.targets());
    }

    private StepLoss loss(NDList out, List<NDArray> targetArrays) {
        Map<String, NDArray> parts = new LinkedHashMap<>();
        NDArray total = null;
        for (int i = 0; i < losses.size(); i++) {
            NDArray term = losses.get(i).apply(out.get(i), targetArrays.get(i));
            double w = task.objectives().get(i).weight();
            NDArray weighted = w == 1.0 ? term : Scalars.mul(term, w);
            total = total == null ? weighted : total.add(weighted);
        }
        if (!sampling.isEmpty()) {
            parts.put("recon_loss", total);
            NDArray kl = null;
            int base = losses.size();
            for (int s = 0; s < sampling.size(); s++) {
                NDArray mu = out.get(base + 2 * s);
                NDArray logVar = out.get(base + 2 * s + 1);
                // KL(N(mu, sigma²) || N(0, 1)) summed over latent dimensions, averaged over the batch.
                NDArray term = Scalars.mul(logVar.add(1f).sub(mu.square()).sub(logVar.exp()).sum(new int[] {-1}), -0.5).mean();
                kl = kl == null ? term : kl.add(term);
            }
            parts.put("kl", kl);
            // A weight of 1 (the default) multiplies by nothing: the same sum, one op less per step.
            total = total.add(klWeight == 1.0 ? kl : Scalars.mul(kl, klWeight));
        }
        return new StepLoss(total, parts);
    }

    /** The noise inputs' stream, then the augmentation's, as of the last step taken. */
    @Override
    public byte[] streamState() {
        return prefetcher.streamState();
    }

    @Override
    public void restoreStreams(byte[] state) {
        if (state.length > 0) {
            List<Random> streams = Streams.randoms(state);
            noise = streams.get(0);
            if (streams.size() > 1) {
                augmentRandom = streams.get(1);
            }
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

    private Evaluation evaluate(Trainer trainer, Samples part) {
        int n = part.size();
        if (n == 0) {
            return Evaluation.NONE;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        List<MetricSums> sums = new ArrayList<>();
        targets.forEach(t -> sums.add(new MetricSums(t, data.train().scale(t.name()))));
        Map<String, Double> partSums = new LinkedHashMap<>();
        double totalSum = 0;
        for (int from = 0; from < n; from += EVAL_BATCH) {
            int to = Math.min(n, from + EVAL_BATCH);
            part.prefetch(order, to, Math.min(n, to + EVAL_BATCH));
            try (NDManager scope = trainer.getManager().newSubManager()) {
                Batch b = batch(scope, part, order, from, to, false);
                NDList out = trainer.evaluate(b.inputs());
                StepLoss loss = loss(out, b.targets());
                totalSum += loss.total().getFloat() * (double) (to - from);
                for (Map.Entry<String, NDArray> e : loss.parts().entrySet()) {
                    partSums.merge(e.getKey(), e.getValue().getFloat() * (double) (to - from), Double::sum);
                }
                for (int i = 0; i < losses.size(); i++) {
                    Samples.Column c = part.require(targets.get(i).name());
                    float[] y = gather(c, order, from, to);
                    double term = losses.get(i).apply(out.get(i), b.targets().get(i)).getFloat();
                    sums.get(i).add(term, to - from, out.get(i), y);
                }
            }
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (int i = 0; i < sums.size(); i++) {
            String prefix = sums.size() == 1 ? "" : task.objectives().get(i).output() + "_";
            sums.get(i).metrics(losses.get(i).name()).forEach((k, v) -> {
                if (task.metrics().isEmpty() || task.metrics().contains(k)) {
                    metrics.put(prefix + k, v);
                }
            });
        }
        for (Map.Entry<String, Double> e : partSums.entrySet()) {
            metrics.put(e.getKey(), e.getValue() / n);
        }
        return new Evaluation(totalSum / n, metrics);
    }
}
