package org.netwright.runner.run;

import org.netwright.model.run.ActivationStats;
import org.netwright.model.run.FinalMetrics;
import org.netwright.model.run.HealthRules;
import org.netwright.model.run.RunEvent;
import org.netwright.model.run.RunWarning;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.runner.checkpoint.Checkpoints;
import org.netwright.runner.checkpoint.LoadReport;
import org.netwright.runner.checkpoint.RunState;
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.templates.data.Dataset;
import org.netwright.templates.data.GraphSet;
import org.netwright.templates.data.NodeSplit;
import org.netwright.templates.data.Samples;
import org.netwright.model.task.Task;
import org.netwright.model.task.TaskException;
import org.netwright.model.task.TaskProposal;
import org.netwright.model.task.DataField;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains one graph on one data split with our own loop: per step a fresh NDManager scope, forward, loss,
 * backward, optimizer step; per epoch a validation pass (with early stopping when asked); at the end a test
 * pass with the last or the best weights. The {@link Task} (proposed from the graph and the data unless the
 * settings hold one) decides what each input reads and what each output is trained against. Call {@link #run()}
 * on the thread that should train (DJL's gradient mode is per thread) and {@link #stop()} from any thread.
 */
public final class TrainingRun {
    /** How many recent steps the reported speed (steps per second, ETA) averages over. */
    private static final int RATE_WINDOW = 20;
    private final Graph graph;
    private final TrainingSettings settings;
    private final TrainingTask task;
    private final Task boundTask;
    private final String taskProblem;
    private final List<RunListener> listeners = new ArrayList<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    /** Why the run trains on another device than hoped (a GPU build without a working GPU); empty otherwise. */
    private String deviceNote = "";
    private long runId;
    private byte[] initialWeights;
    private RunState resumeFrom;
    private LoadReport initialLoad;
    private volatile NDManager liveManager;

    /** A run of {@code graph} with {@code settings} on a dataset of features and class labels. */
    public TrainingRun(Graph graph, TrainingSettings settings, Dataset.Split data) {
        this(graph, settings, Samples.Split.of(Objects.requireNonNull(data, "data")));
    }

    /**
     * A run of {@code graph} on samples with named fields; the task is the settings' own or, when they hold
     * none, the one {@link TaskProposal} proposes, with the settings' loss (unless {@code auto}) on every output.
     */
    public TrainingRun(Graph graph, TrainingSettings settings, Samples.Split data) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(data, "data");
        Task t = null;
        TrainingTask bound = null;
        String problem = null;
        try {
            t = resolveTask(graph, settings, data.train().fields());
            bound = t.recipe().equals(Task.GAN) ? new GanTask(graph, t, data, settings.seed(), prefetches(settings))
                    : new BoundTask(graph, t, data, settings.seed(),
                    org.netwright.runner.data.ImageAugmentation.of(settings.data()).orElse(null),
                    prefetches(settings));
        } catch (TaskException e) {
            problem = e.getMessage();
        }
        this.boundTask = t;
        this.taskProblem = problem;
        this.task = bound;
    }

    /**
     * A run that classifies the nodes of one graph: the batch size counts training nodes per step, and
     * validation and test score the split's other nodes.
     */
    public TrainingRun(Graph graph, TrainingSettings settings, NodeSplit nodes) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.task = new NodeTask(Objects.requireNonNull(nodes, "nodes"),
                !"mse".equals(settings.lossName()));
        this.boundTask = null;
        this.taskProblem = null;
    }

    /**
     * A run that classifies whole graphs: the batch size counts graphs per step, each padded to the graph input's
     * node count; validation and test score the split's other graphs.
     */
    public TrainingRun(Graph graph, TrainingSettings settings, GraphSet.Split graphs) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.task = new GraphBatchTask(Objects.requireNonNull(graphs, "graphs"), !"mse".equals(settings.lossName()));
        this.boundTask = null;
        this.taskProblem = null;
    }

    /**
     * The data recipe option that turns prefetching off ({@code prefetch=false}), to measure what it saves; otherwise
     * a folder read lazily is decoded ahead, and the next batch of data read from files or augmented, and a GAN's
     * noise and samples, are made on a background thread while a step runs.
     */
    public static final String PREFETCH = "prefetch";

    /** {@code settings} with the data recipe's {@link #PREFETCH} option set to {@code on} (to measure or test it). */
    public static TrainingSettings withPrefetch(TrainingSettings settings, boolean on) {
        Map<String, Object> options = new LinkedHashMap<>(settings.data().options());
        options.put(PREFETCH, Boolean.toString(on));
        return settings.withData(new org.netwright.model.settings.DataRecipe(settings.data().kind(), options));
    }

    private static boolean prefetches(TrainingSettings settings) {
        Object v = settings.data() == null ? null : settings.data().options().get(PREFETCH);
        return v == null || !"false".equalsIgnoreCase(v.toString().trim());
    }

    /** How long the training thread has waited for its batches (gathered, augmented, decoded), over how many steps. */
    public DataWait dataWait() {
        return task == null ? DataWait.NONE : task.dataWait();
    }

    /** The task a run of these settings would train (see {@link RunTask#resolve}). */
    public static Task resolveTask(Graph graph, TrainingSettings settings, List<DataField> fields) {
        return RunTask.resolve(graph, settings, fields);
    }

    /**
     * Why early stopping or restore-best cannot watch the settings' monitor in this task, or null when it can:
     * it must be a loss or one of the task's validation metrics.
     */
    static String whyNotMonitor(TrainingSettings settings, Task task) {
        var o = settings.options();
        if (o.patience() == 0 && !o.restoreBest()) {
            return null;
        }
        List<String> known = new ArrayList<>(List.of("val_loss", "train_loss"));
        if (task != null) {
            task.metrics().forEach(m -> known.add("val_" + m));
            if (task.recipe().equals(Task.GAN)) {
                known.addAll(List.of("d_loss", "g_loss", "val_d_loss", "val_g_loss", "val_swd"));
            }
            if (task.recipe().equals(Task.VAE)) {
                known.addAll(List.of("kl", "recon_loss", "val_kl", "val_recon_loss"));
            }
        } else {
            known.add("val_accuracy");
        }
        String m = o.monitor();
        boolean multi = task != null && task.objectives().size() > 1;
        if (known.contains(m) || multi && m.startsWith("val_")) {
            return null;
        }
        return "Early stopping watches " + m + ", which this task does not report; choose one of "
                + String.join(", ", known) + ".";
    }

    /** The task this run trains; null for node and graph classification, or when none fits (see {@link #run()}). */
    public Task task() {
        return boundTask;
    }

    public TrainingRun addListener(RunListener listener) {
        listeners.add(Objects.requireNonNull(listener));
        return this;
    }

    /** The id reported in the Started event, e.g. the project file's run id. */
    public TrainingRun withRunId(long id) {
        this.runId = id;
        return this;
    }

    /** Starts from a checkpoint's weights for the nodes whose shapes still match, instead of random ones. */
    public TrainingRun startingFrom(byte[] checkpoint) {
        this.initialWeights = checkpoint.clone();
        return this;
    }

    /**
     * Goes on from a run's checkpoint where it stopped: its weights, optimizer moments, schedule, epoch, step and
     * random streams, so that on the CPU with the same settings the later epochs' losses equal an uninterrupted
     * run's (layers that draw random numbers inside libtorch, such as dropout, draw afresh). Throws
     * IllegalArgumentException for a checkpoint that holds weights only.
     */
    public TrainingRun resumingFrom(byte[] checkpoint) {
        if (!RunState.isRunState(checkpoint)) {
            throw new IllegalArgumentException("This checkpoint holds weights only (it was saved before runs could be"
                    + " resumed); start a new run from it instead.");
        }
        this.resumeFrom = RunState.read(checkpoint);
        return this;
    }

    /** The epoch a resumed run goes on from (the checkpoint's), 0 for a fresh run. */
    public int resumedAfterEpoch() {
        return resumeFrom == null ? 0 : resumeFrom.epoch();
    }

    /** What {@link #startingFrom} loaded, once the run has begun; null without a starting checkpoint. */
    public LoadReport initialLoad() {
        return initialLoad;
    }

    /** Asks the run to end after the step in progress; safe from any thread. */
    public void stop() {
        stopRequested.set(true);
    }

    /** NDArrays now held by the run's model (parameters, gradients, optimizer state, open scopes); -1 when not running. */
    public int liveArrays() {
        NDManager m = liveManager;
        return m instanceof BaseNDManager b && m.isOpen() ? b.getManagedArrays().size() : -1;
    }

    /** The DJL device this machine trains on: the first GPU when the engine sees one, else the CPU. */
    public static Device device() {
        return Engine.getInstance().getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /**
     * The device for a setting: {@code auto} takes a GPU when one works, {@code cpu} the CPU, {@code gpu} the first
     * GPU; throws IllegalArgumentException when a GPU is asked for and none works (see {@link DeviceChoice}).
     */
    public static Device device(String setting) {
        return DeviceChoice.choose(setting).device();
    }

    /** A device in the words of the event stream: {@code cpu} or {@code gpu(0)}. */
    public static String deviceName(Device device) {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
    }

    /** Trains to the end, to a stop request or to a failure, reporting events on this thread; never throws for a failing run. */
    public RunResult run() {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            return fail(problems.get(0));
        }
        if (taskProblem != null) {
            return fail(taskProblem);
        }
        String monitor = whyNotMonitor(settings, boundTask);
        if (monitor != null) {
            return fail(monitor);
        }
        GraphBlock block;
        try {
            block = task.compile(graph);
        } catch (RuntimeException e) {
            return fail(e.getMessage());
        }
        String why = task.mismatch(block);
        if (why != null) {
            return fail(why);
        }
        Device device;
        try {
            DeviceChoice choice = DeviceChoice.choose(settings.options().device());
            device = choice.device();
            deviceNote = choice.notice().orElse("");
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        RunOptimizer optimizer;
        try {
            int n = task.trainSize();
            int batch = Math.min(settings.batchSize(), n);
            int stepsPerEpoch = (n + batch - 1) / batch;
            optimizer = RunOptimizer.create(settings, stepsPerEpoch, (long) stepsPerEpoch * settings.epochs());
        } catch (IllegalArgumentException e) {
            return fail(e.getMessage());
        }
        try {
            return train(block, device, optimizer);
        } catch (RuntimeException e) {
            // The engine's own messages (e.g. out of memory) are the best explanation we have.
            return fail("Training failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private RunResult train(GraphBlock block, Device device, RunOptimizer optimizer) {
        Engine.getInstance().setRandomSeed((int) settings.seed());
        String deviceName = deviceName(device);
        int n = task.trainSize();
        int batch = Math.min(settings.batchSize(), n);
        int stepsPerEpoch = (n + batch - 1) / batch;
        long totalSteps = (long) stepsPerEpoch * settings.epochs();
        Random shuffle = new Random(Dataset.stream(settings.seed(), Dataset.EPOCH_STREAM));
        List<RunEvent.Epoch> epochs = new ArrayList<>();
        long step = 0;
        long start = System.nanoTime();
        double lastTrainLoss = Double.NaN;
        boolean partialEpoch = false;
        EarlyStopping early = new EarlyStopping(settings.options());
        java.util.Set<String> relus = reluNodes();
        Map<String, Double> firstNorms = new LinkedHashMap<>();
        List<Double> trainLosses = new ArrayList<>();
        List<Double> valLosses = new ArrayList<>();
        long[] stepEnds = new long[RATE_WINDOW];
        long timedSteps = 0;
        List<RunOptimizer> secondOptimizers = new ArrayList<>();
        try (Model model = Model.newInstance("netwright", device)) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(new ai.djl.training.loss.L2Loss("unused"))
                    .optOptimizer(optimizer.djl())
                    .optDevices(new Device[] {device});
            optimizer.initializer().ifPresent(init -> config.optInitializer(init, ai.djl.nn.Parameter.Type.WEIGHT));
            try (Trainer trainer = DirectUpdates.install(model.newTrainer(config), optimizer.djl())) {
                trainer.initialize(task.inputShapes(batch));
                task.prepare(trainer, device, batch, m -> {
                    RunOptimizer secondRun = RunOptimizer.create(settings, stepsPerEpoch, totalSteps);
                    secondOptimizers.add(secondRun);
                    org.netwright.runner.optim.ScheduledOptimizer second = secondRun.djl();
                    return new TrainingTask.SecondTrainer(DirectUpdates.install(m.newTrainer(new DefaultTrainingConfig(
                            new ai.djl.training.loss.L2Loss("unused")).optOptimizer(second)
                            .optDevices(new Device[] {device})), second), second);
                });
                if (initialWeights != null) {
                    initialLoad = task.loadWeights(block, initialWeights);
                }
                int firstEpoch = 1;
                if (resumeFrom != null) {
                    java.util.Optional<String> changed = org.netwright.runner.checkpoint.ResumePoint.of(resumeFrom)
                            .whyNotWith(graph, 0);
                    if (changed.isPresent()) {
                        return fail(changed.get());
                    }
                    initialLoad = task.loadWeights(block, resumeFrom.weights());
                    if (!initialLoad.skipped().isEmpty()) {
                        // An older checkpoint does not name its network: its weights must fit every layer exactly.
                        Map.Entry<String, String> first = initialLoad.skipped().entrySet().iterator().next();
                        return fail("The network changed since the checkpoint was saved (layer '" + first.getKey()
                                + "': " + first.getValue() + "); undo that change to go on with the run, or start a"
                                + " new run.");
                    }
                    step = resumeFrom.step();
                    optimizer.loadState(part(resumeFrom, "optimizer"), block, step);
                    shuffle = Streams.random(part(resumeFrom, "shuffle"));
                    task.restoreStreams(resumeFrom.parts().getOrDefault("streams", new byte[0]));
                    task.restoreOptimizers(resumeFrom.parts());
                    // A stop inside an epoch saved that epoch's number: it is trained again from its start.
                    firstEpoch = resumeFrom.parts().containsKey("partial") ? resumeFrom.epoch() : resumeFrom.epoch() + 1;
                }
                liveManager = model.getNDManager();
                emit(new RunEvent.Started(runId, deviceName, settings.epochs(), stepsPerEpoch, deviceNote));
                for (int epoch = firstEpoch; epoch <= settings.epochs() && !stopRequested.get(); epoch++) {
                    long epochStart = System.nanoTime();
                    // The engine's stream (dropout masks, a VAE's sampling noise) lives in libtorch, where a
                    // checkpoint cannot read it: each epoch starts it afresh from the seed and the epoch's number,
                    // so a run resumed at this epoch draws what an uninterrupted one does.
                    Engine.getInstance().setRandomSeed(engineSeed(settings.seed(), epoch));
                    int[] order = Dataset.shuffledIndices(n, shuffle);
                    double lossSum = 0;
                    Map<String, Double> partSums = new LinkedHashMap<>();
                    Map<String, Double> norms = new LinkedHashMap<>();
                    int stepsDone = 0;
                    for (int from = 0; from < n; from += batch) {
                        if (stopRequested.get()) {
                            break;
                        }
                        int to = Math.min(n, from + batch);
                        // Gradient norms are read at the epoch's last step only: they cost a read-back per parameter.
                        double loss = trainStep(trainer, order, from, to, optimizer, partSums, to == n ? norms : null);
                        step++;
                        if (!Double.isFinite(loss)) {
                            return failNonFinite(block, trainer, loss, step, epoch, order, from, to);
                        }
                        lossSum += loss;
                        stepsDone++;
                        partialEpoch = true;
                        long now = System.nanoTime();
                        stepEnds[(int) (timedSteps % RATE_WINDOW)] = now;
                        timedSteps++;
                        double rate = Double.NaN;
                        double eta = Double.NaN;
                        if (timedSteps >= 2) {
                            int span = (int) Math.min(timedSteps, RATE_WINDOW);
                            long oldest = stepEnds[(int) ((timedSteps - span) % RATE_WINDOW)];
                            rate = (span - 1) / Math.max(1e-9, (now - oldest) / 1e9);
                            eta = (totalSteps - step) / rate;
                        }
                        emit(new RunEvent.Step(step, epoch, loss, optimizer.rateUsed(), seconds(start), rate, eta));
                    }
                    if (stepsDone == 0) {
                        break;
                    }
                    lastTrainLoss = lossSum / stepsDone;
                    if (stepsDone < stepsPerEpoch) {
                        break;
                    }
                    Evaluation val = task.validate(trainer);
                    Map<String, Double> metrics = new LinkedHashMap<>(val.prefixed("val"));
                    metrics.remove("val_loss");
                    for (Map.Entry<String, Double> p : partSums.entrySet()) {
                        metrics.put(p.getKey(), p.getValue() / stepsDone);
                    }
                    Map<String, ActivationStats> activity = layerStatistics(block, trainer, order, Math.min(n, batch));
                    Map<String, Double> dead = new LinkedHashMap<>();
                    activity.forEach((node, stats) -> {
                        if (relus.contains(node)) {
                            dead.put(node, stats.zeros());
                        }
                    });
                    List<RunWarning> warnings = new ArrayList<>(HealthRules.gradients(norms, firstNorms));
                    norms.forEach(firstNorms::putIfAbsent);
                    warnings.addAll(HealthRules.deadRelu(dead));
                    trainLosses.add(lastTrainLoss);
                    valLosses.add(val.loss());
                    HealthRules.overfitting(trainLosses, valLosses).ifPresent(warnings::add);
                    RunEvent.Epoch e = new RunEvent.Epoch(epoch, lastTrainLoss, val.loss(), metrics,
                            optimizer.rateUsed(), seconds(start), seconds(epochStart)).withHealth(norms, dead, warnings)
                            .withActivations(activity);
                    epochs.add(e);
                    double monitored = val.loss() == null ? lastTrainLoss : val.loss();
                    optimizer.epochEnded(epoch, monitored);
                    // A GAN's discriminator follows the same schedule: reduce-on-plateau lowers its rate too.
                    for (RunOptimizer second : secondOptimizers) {
                        second.epochEnded(epoch, monitored);
                    }
                    partialEpoch = false;
                    boolean best = early.observe(e);
                    emit(e);
                    RunEvent.Samples grid = task.samples(trainer, block, epoch);
                    if (grid != null) {
                        emit(grid);
                    }
                    byte[] weights = checkpoint(epoch, step, block, optimizer, shuffle, false);
                    if (best && settings.options().restoreBest()) {
                        early.keep(weights);
                    }
                    if (early.shouldStop()) {
                        break;
                    }
                }
                boolean stopped = stopRequested.get();
                if (partialEpoch) {
                    // A stop mid-epoch leaves weights newer than the last epoch's checkpoint: keep them too.
                    checkpoint(firstEpoch + epochs.size(), step, block, optimizer, shuffle, true);
                }
                String weights = "last";
                if (settings.options().restoreBest() && early.bestWeights() != null
                        && early.bestEpoch() != epochs.size()) {
                    task.loadWeights(block, early.bestWeights());
                    weights = "best epoch " + early.bestEpoch();
                }
                Evaluation test = stopped ? Evaluation.NONE : task.test(trainer);
                RunEvent.Epoch last = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
                RunEvent.Epoch reported = settings.options().restoreBest() && early.bestEpoch() > 0
                        && early.bestEpoch() >= firstEpoch ? epochs.get(early.bestEpoch() - firstEpoch) : last;
                Map<String, Double> values = new LinkedHashMap<>();
                if (reported != null) {
                    if (reported.valLoss() != null) {
                        values.put("val_loss", reported.valLoss());
                    }
                    values.putAll(reported.metrics());
                }
                values.putAll(test.prefixed("test"));
                // A resumed run counts on from the epochs before it, as its epoch events do.
                FinalMetrics metrics = new FinalMetrics(lastTrainLoss, values, weights, deviceName,
                        firstEpoch - 1 + epochs.size(), step);
                String status = stopped ? RunEvent.Finished.STOPPED : RunEvent.Finished.COMPLETED;
                emit(new RunEvent.Finished(status, metrics));
                return new RunResult(status, metrics, epochs, null);
            } finally {
                liveManager = null;
                task.close();
            }
        }
    }

    /**
     * One step; when {@code norms} is not null each layer's gradient norm is put there, measured after backward
     * and before clipping and the update.
     */
    private double trainStep(Trainer trainer, int[] order, int from, int to, RunOptimizer optimizer,
                             Map<String, Double> partSums, Map<String, Double> norms) {
        // One scope per step: inputs, activations, loss and gradients' temporaries all die with it.
        try (NDManager scope = trainer.getManager().newSubManager()) {
            StepValues v = task.step(trainer, scope, order, from, to, t -> {
                if (norms != null) {
                    norms.putAll(GradientNorms.of(t));
                }
                optimizer.beforeUpdate(t);
                OptimizerStep.apply(t);
            });
            optimizer.afterUpdate();
            v.parts().forEach((k, x) -> partSums.merge(k, x, Double::sum));
            return v.loss();
        }
    }

    /** The purpose number of the engine's per-epoch seeds, see {@link Dataset#stream}. */
    private static final long ENGINE_STREAM = 13;

    /** The engine's seed for {@code epoch} of a run with {@code seed}: its own stream, one seed per epoch. */
    static int engineSeed(long seed, int epoch) {
        return (int) Dataset.stream(Dataset.stream(seed, ENGINE_STREAM), epoch);
    }

    /**
     * Saves a checkpoint that can resume the run: the weights and, beside them, the optimizer's state, the shuffle
     * stream and the task's streams; {@code partial} marks a stop in the middle of an epoch. Returns the weights.
     */
    private byte[] checkpoint(int epoch, long step, GraphBlock block, RunOptimizer optimizer, Random shuffle,
                              boolean partial) {
        byte[] weights = task.weights(block);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(RunState.WEIGHTS, weights);
        parts.put("optimizer", optimizer.saveState(block));
        parts.put("shuffle", Streams.bytes(shuffle));
        parts.put("streams", task.streamState());
        parts.putAll(task.optimizerParts());
        // The network it belongs to, so a resume can refuse a changed one before it starts.
        parts.put(org.netwright.runner.checkpoint.ResumePoint.NETWORK,
                org.netwright.runner.checkpoint.ResumePoint.networkPart(graph));
        if (partial) {
            parts.put("partial", new byte[] {1});
        }
        byte[] state = new RunState(epoch, step, parts).write();
        for (RunListener l : listeners) {
            l.checkpoint(epoch, state);
        }
        return weights;
    }

    private static byte[] part(RunState state, String name) {
        byte[] b = state.parts().get(name);
        if (b == null) {
            throw new IllegalArgumentException("The checkpoint of epoch " + state.epoch() + " has no " + name
                    + " state, so the run cannot go on from it exactly.");
        }
        return b;
    }

    private RunResult fail(String message) {
        return fail(message, null);
    }

    private RunResult fail(String message, String node) {
        emit(new RunEvent.Failed(message, node));
        return new RunResult(RunResult.FAILED, null, List.of(), message);
    }

    /** The graph's ReLU layers, by the ids the compiled block gives them (a group's inner layers as {@code group/inner}). */
    private java.util.Set<String> reluNodes() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (org.netwright.model.graph.Node node : org.netwright.model.graph.CompositeFlattening.flatten(graph).nodes()
                .values()) {
            if (node.type().equals("relu")) {
                out.add(node.id());
            }
        }
        return out;
    }

    /**
     * Every layer's output statistics on the first {@code size} items of this epoch's order, from one inference pass
     * (the dead-ReLU fractions are read from them); empty when the task has no probe inputs.
     */
    private Map<String, ActivationStats> layerStatistics(GraphBlock block, Trainer trainer, int[] order, int size) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDList x = task.probeInputs(scope, order, 0, size);
            return x == null ? Map.of() : LayerProbe.statistics(block, scope, x);
        }
    }

    /**
     * Stops the run on a loss that is not finite, naming where it began: the failing batch (whose step updated
     * nothing) is run again node by node, and the first layer whose output is not finite is reported, with whether
     * its own weights had already diverged.
     */
    private RunResult failNonFinite(GraphBlock block, Trainer trainer, double loss, long step, int epoch, int[] order,
                                    int from, int to) {
        String head = "The loss became " + loss + " at step " + step + " (epoch " + epoch + ")";
        String node = null;
        String why;
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDList x = task.probeInputs(scope, order, from, to);
            if (x == null) {
                why = "; training diverged.";
            } else {
                node = LayerProbe.nonFiniteInput(block, x).orElse(null);
                if (node != null) {
                    why = ": the data fed to the input layer " + node + " holds NaN or infinite values.";
                } else {
                    node = LayerProbe.firstNonFinite(block, scope, x).orElse(null);
                    if (node == null) {
                        why = ": every layer's output was finite, so the loss itself was not (outputs too large for"
                                + " it, or the log of zero).";
                    } else if (!LayerProbe.weightsFinite(block, node)) {
                        why = ": the first layer whose output was not finite is " + node + ", whose weights are no"
                                + " longer finite (an update overshot).";
                    } else {
                        why = ": the first layer whose output was not finite is " + node + " (its weights are finite,"
                                + " so its values overflowed on this batch).";
                    }
                }
            }
        } catch (RuntimeException e) {
            // Finding the layer is a diagnosis; the run fails either way.
            why = "; training diverged.";
        }
        return fail(head + why + " Try a smaller learning rate" + (node == null ? "" : ", or look at " + node)
                + ".", node);
    }

    private void emit(RunEvent event) {
        for (RunListener l : listeners) {
            l.on(event);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
