package org.netwright.app.runs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.netwright.model.run.RunSummary;
import org.netwright.model.run.SettingsDiff;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.RunRecord;
import org.netwright.model.run.RunReached;

/**
 * The Runs window's state: the project's runs, and for the runs chosen the curves to overlay (validation loss per
 * epoch, or the mean training loss per epoch for a run without validation) and, for exactly two, the settings that
 * differ. It reads stored runs only (never DJL) and changes on the UI thread.
 */
public final class RunsViewModel {
    /**
     * The metric keys the window reads of a run: the overlay's losses, and for a run that ended without final figures
     * (failed, interrupted) the epochs it finished ({@code lr} is written once per finished epoch) and their
     * validation figures. The window asks the store for their per-epoch means ({@code ProjectStore.epochMeans}), so
     * choosing a run of a million steps does not read every step.
     */
    public static final List<String> CURVE_KEYS = List.of("validate/loss", "train/loss", "validate/accuracy", "lr");
    private final Supplier<List<RunRecord>> runs;
    private final LongFunction<List<MetricPoint>> metrics;
    private final ObservableList<RunSummary> rows = FXCollections.observableArrayList();
    /** The runs as last read, by id: where a resumed run's chain of earlier runs is followed. */
    private Map<Long, RunRecord> records = Map.of();
    /** What each listed run reached, read with the rows. */
    private Map<Long, Reached> reached = Map.of();
    private final ObservableList<String> differences = FXCollections.observableArrayList();
    private final XYSeriesCollection overlay = new XYSeriesCollection();
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
    private final java.util.function.LongConsumer deleter;
    private java.util.function.LongFunction<java.util.Optional<byte[]>> checkpoints = id -> java.util.Optional.empty();
    private Supplier<org.netwright.model.graph.Graph> network;
    private Supplier<String> recipe = () -> null;
    private ResumeAction resumer;
    private final ReadOnlyStringWrapper resumeReason = new ReadOnlyStringWrapper(CHOOSE_ONE);
    private final javafx.beans.property.ReadOnlyBooleanWrapper resumable =
            new javafx.beans.property.ReadOnlyBooleanWrapper();
    private final javafx.beans.property.IntegerProperty resumeEpochs = new javafx.beans.property.SimpleIntegerProperty();
    /** The one chosen run and its checkpoint, read once per choice. */
    private RunSummary resumeRun;
    private ResumeReadiness.Checkpoint resumeCheckpoint = ResumeReadiness.Checkpoint.NONE;
    /** True while the chosen run's checkpoint is being read (off the UI thread: a large model's is megabytes). */
    private boolean checkingCheckpoint;
    /** Counts choices, so a slow read for a run chosen earlier never judges the run chosen now. */
    private int choice;
    private java.util.concurrent.Executor checkpointReader = Runnable::run;
    private java.util.concurrent.Executor uiThread = Runnable::run;
    /** Where {@link #refresh} reads the runs and what they reached, and where it shows them; see {@link #readRunsWith}. */
    private java.util.concurrent.Executor runsReader = Runnable::run;
    private java.util.concurrent.Executor runsShower = Runnable::run;
    /** The per-epoch means {@link #refresh} reads for a run that ended without final figures. */
    private LongFunction<List<MetricPoint>> reachedMetrics;
    /** What ended runs reached, kept across refreshes: an ended run's stored figures no longer change. */
    private final Map<Long, Reached> endedReached = new java.util.concurrent.ConcurrentHashMap<>();
    /** Counts refreshes, so a slow read started earlier never replaces the rows a later one showed. */
    private int refreshes;
    private final javafx.beans.property.ReadOnlyBooleanWrapper reading =
            new javafx.beans.property.ReadOnlyBooleanWrapper();
    private static final String CHOOSE_ONE = "Choose one run to go on with it.";

    /** Goes on with a stored run (the app: in the training panel, in a child process). */
    @FunctionalInterface
    public interface ResumeAction {
        /**
         * Resumes run {@code runId}; {@code epochs} above 0 sets how many epochs it trains in all. Returns why it did
         * not start (another run is going, say), or empty when it did.
         */
        java.util.Optional<String> resume(long runId, int epochs);
    }

    /** A view model that cannot delete runs (the Delete button then explains why). */
    public RunsViewModel(Supplier<List<RunRecord>> runs, LongFunction<List<MetricPoint>> metrics) {
        this(runs, metrics, id -> {
            throw new IllegalStateException("runs cannot be deleted here");
        });
    }

    /** A view model over the project's runs; {@code deleter} removes a run with its metrics and checkpoints. */
    public RunsViewModel(Supplier<List<RunRecord>> runs, LongFunction<List<MetricPoint>> metrics,
                         java.util.function.LongConsumer deleter) {
        this.runs = runs;
        this.metrics = metrics;
        this.reachedMetrics = metrics;
        this.deleter = deleter;
    }

    /**
     * Lets the window resume runs: {@code latestCheckpoint} reads a run's latest checkpoint, {@code network} is the
     * project's network now (a run goes on only with the network it trained), {@code action} starts the new run.
     */
    public void allowResume(java.util.function.LongFunction<java.util.Optional<byte[]>> latestCheckpoint,
                            Supplier<org.netwright.model.graph.Graph> network, ResumeAction action) {
        this.checkpoints = latestCheckpoint;
        this.network = network;
        this.resumer = action;
        resumeEpochs.addListener((o, was, now) -> judgeResume());
    }

    /**
     * Resume is judged for a run of the recipe {@code recipe} gives (the task resolved now, null when not known): a
     * GAN cannot go on from a checkpoint saved before its discriminator's optimizer state was kept.
     */
    public void resumeAs(Supplier<String> recipe) {
        this.recipe = java.util.Objects.requireNonNull(recipe);
    }

    /**
     * Reads a chosen run's checkpoint on {@code background} and judges Resume on {@code uiThread} (the app: a reader
     * thread and Platform::runLater); until then Resume is off and says it is checking. Without this call both run
     * at once, where the choice is made.
     */
    public void readCheckpointsWith(java.util.concurrent.Executor background, java.util.concurrent.Executor uiThread) {
        this.checkpointReader = java.util.Objects.requireNonNull(background);
        this.uiThread = java.util.Objects.requireNonNull(uiThread);
    }

    /**
     * Has {@link #refresh} read the runs, and with {@code epochMeans} what each run that ended without final figures
     * reached (one aggregate per such run), on {@code background}, and show them all at once on {@code uiThread} (the
     * app: the run reader over a connection beside the window's, and Platform::runLater). The rows shown stay until the
     * new ones are complete, so the table never shows a run without its figures. Without this call refresh reads
     * where it is called.
     */
    public void readRunsWith(java.util.concurrent.Executor background, java.util.concurrent.Executor uiThread,
                             LongFunction<List<MetricPoint>> epochMeans) {
        this.runsReader = java.util.Objects.requireNonNull(background);
        this.runsShower = java.util.Objects.requireNonNull(uiThread);
        this.reachedMetrics = java.util.Objects.requireNonNull(epochMeans);
    }

    /** Why {@code run} cannot be deleted now (it is still running), or empty when it can. */
    public static java.util.Optional<String> whyNotDelete(RunSummary run) {
        return "running".equals(run.status())
                ? java.util.Optional.of("Run " + run.id() + " is still running; stop it before deleting it.")
                : java.util.Optional.empty();
    }

    /** The question asked before deleting {@code run}: it names the run, its status, results and start. */
    public static String deleteQuestion(RunSummary run) {
        StringBuilder b = new StringBuilder("Delete run " + run.id() + " (" + run.status());
        String epochs = run.finalValues().path("epochs").asText("");
        if (!epochs.isEmpty()) {
            b.append(", ").append(epochs).append(epochs.equals("1") ? " epoch" : " epochs");
        }
        Double accuracy = run.metric("test_accuracy");
        Double loss = run.metric("val_loss");
        if (accuracy != null) {
            b.append(", test accuracy ").append(number(accuracy));
        } else if (loss != null) {
            b.append(", validation loss ").append(number(loss));
        }
        return b.append(")? Its curves and checkpoints are removed from the project; the other runs and the"
                + " network stay as they are. This cannot be undone.").toString();
    }

    /**
     * Deletes run {@code id} (its metrics and checkpoints with it) and reads the runs again; refused with the reason
     * in the caption when it is running or the project refuses. True when it was deleted.
     */
    public boolean delete(long id) {
        RunSummary run = find(id);
        java.util.Optional<String> why = run == null ? java.util.Optional.of("There is no run " + id + ".")
                : whyNotDelete(run);
        if (why.isPresent()) {
            caption.set(why.get());
            return false;
        }
        try {
            deleter.accept(id);
        } catch (RuntimeException e) {
            caption.set("Run " + id + " was not deleted: " + e.getMessage());
            return false;
        }
        refresh();
        compare(List.of());
        caption.set("Run " + id + " was deleted.");
        return true;
    }

    /**
     * Reads the runs again (a run may have ended or been added), the newest first, where {@link #readRunsWith} says;
     * the rows change once, when every listed run's figures are known.
     */
    public void refresh() {
        int mine = ++refreshes;
        reading.set(true);
        LongFunction<List<MetricPoint>> means = reachedMetrics;
        runsReader.execute(() -> {
            Instant now = Instant.now();
            List<RunRecord> read = runs.get();
            Map<Long, RunRecord> byId = new java.util.HashMap<>();
            read.forEach(r -> byId.put(r.id(), r));
            List<RunSummary> all = new ArrayList<>(read.stream().map(r -> RunSummary.of(r, now)).toList());
            java.util.Collections.reverse(all);
            Map<Long, RunSummary> summaries = new java.util.HashMap<>();
            all.forEach(r -> summaries.put(r.id(), r));
            Map<Long, Reached> known = new java.util.HashMap<>();
            for (RunSummary run : all) {
                known.put(run.id(), reachedBy(run, means, summaries));
            }
            endedReached.keySet().retainAll(byId.keySet());
            runsShower.execute(() -> {
                if (mine == refreshes) {
                    records = byId;
                    reached = known;
                    rows.setAll(all);
                    reading.set(false);
                }
            });
        });
    }

    /** Overlays the curves of {@code ids} and, for two runs, lists the settings they differ in. */
    public void compare(List<Long> ids) {
        overlay.removeAllSeries();
        for (long id : ids) {
            XYSeries s = new XYSeries("run " + id, true, false);
            curve(drawn(id)).forEach(s::add);
            overlay.addSeries(s);
        }
        differences.clear();
        if (ids.size() == 2) {
            RunSummary a = find(ids.get(0));
            RunSummary b = find(ids.get(1));
            if (a != null && b != null) {
                for (SettingsDiff.Difference d : SettingsDiff.between(a.settings(), b.settings())) {
                    differences.add(d.setting() + ": " + text(d.a()) + " (run " + a.id() + ") vs " + text(d.b())
                            + " (run " + b.id() + ")");
                }
                if (differences.isEmpty()) {
                    differences.add("Runs " + a.id() + " and " + b.id() + " have the same settings.");
                }
            }
        }
        chooseForResume(ids);
        caption.set(ids.isEmpty() ? "Choose runs in the table to draw their curves (two to compare settings)."
                : "Validation loss per epoch (training loss where a run has no validation data).");
    }

    /**
     * Run {@code id}'s points as its curve draws them: after the epochs of the runs it went on from when it resumed one,
     * as the training panel and a reopened run draw it.
     */
    private List<MetricPoint> drawn(long id) {
        RunRecord run = records.get(id);
        List<MetricPoint> own = metrics.apply(id);
        if (run == null) {
            return own;
        }
        Map<Long, RunRecord> known = records;
        return org.netwright.app.training.RunHistory.withEarlierRuns(run, own,
                earlier -> java.util.Optional.ofNullable(known.get(earlier)), metrics);
    }

    /**
     * Reads the checkpoint of the one run chosen (none for several) off the UI thread and sets the epochs to its
     * planned ones; Resume waits, saying so, until the checkpoint is known.
     */
    private void chooseForResume(List<Long> ids) {
        int mine = ++choice;
        resumeRun = ids.size() == 1 ? find(ids.get(0)) : null;
        resumeCheckpoint = ResumeReadiness.Checkpoint.NONE;
        checkingCheckpoint = false;
        if (resumeRun != null && resumer != null && !"running".equals(resumeRun.status())) {
            checkingCheckpoint = true;
            long id = resumeRun.id();
            var read = checkpoints;
            checkpointReader.execute(() -> {
                ResumeReadiness.Checkpoint found;
                try {
                    found = ResumeReadiness.Checkpoint.read(read.apply(id));
                } catch (RuntimeException e) {
                    found = new ResumeReadiness.Checkpoint(ResumeReadiness.Checkpoint.Kind.UNREADABLE,
                            java.util.Optional.empty(), String.valueOf(e.getMessage()));
                }
                ResumeReadiness.Checkpoint checkpoint = found;
                uiThread.execute(() -> {
                    if (mine == choice) {
                        resumeCheckpoint = checkpoint;
                        checkingCheckpoint = false;
                        judgeResume();
                    }
                });
            });
        }
        int planned = resumeRun == null ? 0 : plannedEpochs(resumeRun);
        resumeEpochs.set(planned);
        judgeResume();
    }

    private static int plannedEpochs(RunSummary run) {
        return run.settings().path("epochs").asInt(0);
    }

    /** Sets {@link #resumeReasonProperty} and {@link #resumableProperty} for the chosen run and epochs. */
    private void judgeResume() {
        java.util.Optional<String> why = whyNotResume();
        resumable.set(why.isEmpty());
        resumeReason.set(why.orElseGet(() -> "Run " + resumeRun.id() + " can go on from epoch "
                + (resumeCheckpoint.point().orElseThrow().epochsComplete() + 1) + " to epoch " + resumeEpochs.get()
                + "."));
    }

    private java.util.Optional<String> whyNotResume() {
        if (resumer == null) {
            return java.util.Optional.of("Runs cannot be resumed here.");
        }
        if (resumeRun == null) {
            return java.util.Optional.of(CHOOSE_ONE);
        }
        if (checkingCheckpoint) {
            return java.util.Optional.of(checkingText(resumeRun.id()));
        }
        return ResumeReadiness.whyNot(resumeRun.id(), resumeRun.status(), plannedEpochs(resumeRun),
                resumeEpochs.get(), resumeCheckpoint, network.get(), recipe.get());
    }

    /**
     * Goes on with the chosen run (checked again: the network may have changed since it was chosen); refused with the
     * reason in the caption. True when the new run was started.
     */
    public boolean resume() {
        judgeResume();
        if (!resumable.get()) {
            caption.set(resumeReason.get());
            return false;
        }
        int epochs = resumeEpochs.get();
        java.util.Optional<String> refused = resumer.resume(resumeRun.id(), epochs == plannedEpochs(resumeRun) ? 0
                : epochs);
        caption.set(refused.orElse("Run " + resumeRun.id() + " goes on in the training panel as a new run."));
        return refused.isEmpty();
    }

    /** What the reason line says while run {@code id}'s checkpoint is being read. */
    static String checkingText(long id) {
        return "Checking run " + id + "'s checkpoint\u2026";
    }

    /** Why the chosen run cannot go on, or what Resume would do; one sentence. */
    public ReadOnlyStringProperty resumeReasonProperty() {
        return resumeReason.getReadOnlyProperty();
    }

    /** True when exactly one run is chosen and it can go on to {@link #resumeEpochsProperty} epochs. */
    public javafx.beans.property.ReadOnlyBooleanProperty resumableProperty() {
        return resumable.getReadOnlyProperty();
    }

    /** How many epochs the resumed run trains in all: the chosen run's own, or more for a run that completed. */
    public javafx.beans.property.IntegerProperty resumeEpochsProperty() {
        return resumeEpochs;
    }

    /**
     * What a run reached, as the table shows it: its epochs and validation figures, and {@code note} (empty for a run
     * whose figures are its final ones) saying where figures of a run that ended without final ones come from. Worked
     * out by {@link RunReached} in the model, which {@code netwright runs} prints too; this is its table text.
     */
    public record Reached(String epochs, Double valLoss, Double valAccuracy, java.util.Optional<String> note) {
        /** The table's reading of {@code r}: no epochs while it runs, a dash when it ended before finishing one. */
        static Reached of(RunReached r) {
            String epochs = r.epochs() == null ? "" : r.epochs() == 0 && r.note().isPresent() ? NONE
                    : Integer.toString(r.epochs());
            return new Reached(epochs, r.valLoss(), r.valAccuracy(), r.note());
        }
    }

    /** What {@code run} (one of {@link #rows}) reached; for a run not listed, its final figures. */
    public Reached reached(RunSummary run) {
        Reached r = reached.get(run.id());
        return r != null ? r : Reached.of(RunReached.of(run, List.of()));
    }

    /**
     * What {@code run} reached: its final figures, or where they do not say it (it failed, its process died, or it went
     * on from another run and stopped before measuring an epoch of its own) read from its per-epoch {@code means} after
     * those of the runs it went on from, as its curve draws them. {@code byId}: the runs just read.
     */
    private Reached reachedBy(RunSummary run, LongFunction<List<MetricPoint>> means, Map<Long, RunSummary> byId) {
        if (!RunReached.needsPoints(run)) {
            return Reached.of(RunReached.of(run, List.of()));
        }
        return endedReached.computeIfAbsent(run.id(), id -> Reached.of(RunReached.read(run,
                earlier -> java.util.Optional.ofNullable(byId.get(earlier)), means)));
    }

    /** What a cell shows for a figure a run never reached. */
    public static final String NONE = "\u2013";

    private RunSummary find(long id) {
        return rows.stream().filter(r -> r.id() == id).findFirst().orElse(null);
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode n) {
        return n.isMissingNode() ? "not set" : n.isTextual() ? n.asText() : n.toString();
    }

    /**
     * A run's curve as epoch to value: its validation loss, or the mean of its training losses per epoch when it
     * has no validation loss.
     */
    static Map<Integer, Double> curve(List<MetricPoint> points) {
        Map<Integer, Double> val = new TreeMap<>();
        Map<Integer, double[]> train = new TreeMap<>();
        for (MetricPoint p : points) {
            if (!Double.isFinite(p.value())) {
                continue;
            }
            if (p.key().equals("validate/loss")) {
                val.put(p.epoch(), p.value());
            } else if (p.key().equals("train/loss")) {
                double[] sum = train.computeIfAbsent(p.epoch(), e -> new double[2]);
                sum[0] += p.value();
                sum[1]++;
            }
        }
        if (!val.isEmpty()) {
            return val;
        }
        Map<Integer, Double> out = new TreeMap<>();
        train.forEach((e, s) -> out.put(e, s[0] / s[1]));
        return out;
    }

    /** A duration in words: "42.0 s", "3:05". */
    static String duration(Double seconds) {
        if (seconds == null) {
            return "";
        }
        return seconds < 60 ? String.format(Locale.ROOT, "%.1f s", seconds)
                : String.format(Locale.ROOT, "%d:%02d", (long) (seconds / 60), (long) (seconds % 60));
    }

    /** A final metric for a table cell, "" when the run has none. */
    static String number(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.4g", v);
    }

    public ObservableList<RunSummary> rows() {
        return rows;
    }

    public ObservableList<String> differences() {
        return differences;
    }

    public XYSeriesCollection overlay() {
        return overlay;
    }

    /** True while {@link #refresh} reads the runs (the table then says so rather than that there are none). */
    public javafx.beans.property.ReadOnlyBooleanProperty readingProperty() {
        return reading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }
}
