package org.netwright.runner.run;

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
import org.netwright.runner.compile.GraphBlock;
import org.netwright.runner.compile.GraphCompiler;
import org.netwright.templates.data.Dataset;
import org.netwright.templates.data.NodeSplit;

/**
 * Trains one graph on one data split with our own loop: per step a fresh NDManager scope, forward,
 * backward, optimizer step; per epoch a validation pass; at the end a test pass. The data decide the
 * task (samples, or the nodes of one graph), which supplies each step's inputs, targets and loss. Call
 * {@link #run()} on the thread that should train (DJL's gradient mode is per thread) and {@link #stop()}
 * from any thread.
 */
public final class TrainingRun {
    private final Graph graph;
    private final TrainingSettings settings;
    private final TrainingTask task;
    private final List<RunListener> listeners = new ArrayList<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private long runId;
    private byte[] initialWeights;
    private LoadReport initialLoad;
    private volatile NDManager liveManager;

    /** A run of {@code graph} with {@code settings} (epochs, batch size, optimizer, loss, seed) on {@code data}. */
    public TrainingRun(Graph graph, TrainingSettings settings, Dataset.Split data) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.task = new SampleTask(Objects.requireNonNull(data, "data"), isCrossEntropy());
    }

    /**
     * A run that classifies the nodes of one graph: the batch size counts training nodes per step, and
     * validation and test score the split's other nodes.
     */
    public TrainingRun(Graph graph, TrainingSettings settings, NodeSplit nodes) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.task = new NodeTask(Objects.requireNonNull(nodes, "nodes"), isCrossEntropy());
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
        GraphBlock block;
        try {
            block = GraphCompiler.compile(graph, isCrossEntropy());
        } catch (RuntimeException e) {
            return fail(e.getMessage());
        }
        if (block.inputIds().size() != 1) {
            return fail("Training needs exactly one input layer; this graph has " + block.inputIds().size() + ".");
        }
        String why = task.mismatch(block);
        if (why != null) {
            return fail(why);
        }
        try {
            return train(block);
        } catch (RuntimeException e) {
            // The engine's own messages (e.g. out of memory) are the best explanation we have.
            return fail("Training failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    private boolean isCrossEntropy() {
        return "cross_entropy".equals(settings.loss());
    }

    private Optimizer optimizer() {
        Tracker lr = Tracker.fixed((float) settings.learningRate());
        return "adam".equals(settings.optimizer())
                ? Optimizer.adam().optLearningRateTracker(lr).build()
                : Optimizer.sgd().setLearningRateTracker(lr).build();
    }

    private RunResult train(GraphBlock block) {
        Engine.getInstance().setRandomSeed((int) settings.seed());
        Device device = device();
        String deviceName = deviceName(device);
        int n = task.trainSize();
        int batch = Math.min(settings.batchSize(), n);
        int stepsPerEpoch = (n + batch - 1) / batch;
        double lr = settings.learningRate();
        Random shuffle = new Random(Dataset.stream(settings.seed(), Dataset.EPOCH_STREAM));
        List<RunEvent.Epoch> epochs = new ArrayList<>();
        long step = 0;
        long start = System.nanoTime();
        double lastTrainLoss = Double.NaN;
        boolean partialEpoch = false;
        try (Model model = Model.newInstance("netwright", device)) {
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(task.loss())
                    .optOptimizer(optimizer())
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(task.inputShapes(batch));
                if (initialWeights != null) {
                    initialLoad = Checkpoints.load(block, initialWeights);
                }
                liveManager = model.getNDManager();
                emit(new RunEvent.Started(runId, deviceName, settings.epochs(), stepsPerEpoch));
                for (int epoch = 1; epoch <= settings.epochs() && !stopRequested.get(); epoch++) {
                    int[] order = Dataset.shuffledIndices(n, shuffle);
                    double lossSum = 0;
                    int stepsDone = 0;
                    for (int from = 0; from < n; from += batch) {
                        if (stopRequested.get()) {
                            break;
                        }
                        int to = Math.min(n, from + batch);
                        double loss = trainStep(trainer, order, from, to);
                        step++;
                        if (!Double.isFinite(loss)) {
                            return fail("The loss became " + loss + " at step " + step + " (epoch " + epoch
                                    + "); training diverged. Try a smaller learning rate.");
                        }
                        lossSum += loss;
                        stepsDone++;
                        partialEpoch = true;
                        emit(new RunEvent.Step(step, epoch, loss, lr, seconds(start)));
                    }
                    if (stepsDone == 0) {
                        break;
                    }
                    lastTrainLoss = lossSum / stepsDone;
                    if (stepsDone < stepsPerEpoch) {
                        break;
                    }
                    Evaluation val = task.validate(trainer);
                    RunEvent.Epoch e = new RunEvent.Epoch(epoch, lastTrainLoss, val.loss(), val.accuracy(), lr,
                            seconds(start));
                    epochs.add(e);
                    emit(e);
                    partialEpoch = false;
                    checkpoint(epoch, block);
                }
                boolean stopped = stopRequested.get();
                if (partialEpoch) {
                    // A stop mid-epoch leaves weights newer than the last epoch's checkpoint: keep them too.
                    checkpoint(epochs.size() + 1, block);
                }
                Evaluation test = stopped ? Evaluation.NONE : task.test(trainer);
                RunEvent.Epoch last = epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
                FinalMetrics metrics = new FinalMetrics(lastTrainLoss, last == null ? null : last.valLoss(),
                        last == null ? null : last.valAccuracy(), test.loss(), test.accuracy(), deviceName,
                        epochs.size(), step);
                String status = stopped ? RunEvent.Finished.STOPPED : RunEvent.Finished.COMPLETED;
                emit(new RunEvent.Finished(status, metrics));
                return new RunResult(status, metrics, epochs, null);
            } finally {
                liveManager = null;
            }
        }
    }

    private double trainStep(Trainer trainer, int[] order, int from, int to) {
        // One scope per step: inputs, activations, loss and gradients' temporaries all die with it.
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDList x = task.inputs(scope, order, from, to);
            NDList y = task.targets(scope, order, from, to);
            float loss;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList predictions = trainer.forward(x);
                NDArray lossValue = trainer.getLoss().evaluate(y, predictions);
                collector.backward(lossValue);
                loss = lossValue.getFloat();
            }
            OptimizerStep.apply(trainer);
            return loss;
        }
    }

    private void checkpoint(int epoch, GraphBlock block) {
        byte[] weights = Checkpoints.save(block);
        for (RunListener l : listeners) {
            l.checkpoint(epoch, weights);
        }
    }

    private RunResult fail(String message) {
        emit(new RunEvent.Failed(message));
        return new RunResult(RunResult.FAILED, null, List.of(), message);
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
