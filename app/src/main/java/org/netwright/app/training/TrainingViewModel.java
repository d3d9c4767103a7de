package org.netwright.app.training;

import org.netwright.model.run.RunEvent;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.netwright.app.insight.GradientHeatMap;
import org.netwright.model.run.RunWarning;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.RunRecord;

/**
 * The state of the training panel: whether a run is going, what it reported and the loss
 * series. It lives on the UI thread and changes only when it is sent a batch of events.
 */
public final class TrainingViewModel {
    private static final String GRADIENTS = "Gradients";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ROOT);
    private final RunStarter starter;
    /** Every step's loss; the chart draws a decimated copy, so a million steps stay quick to draw. */
    private final org.netwright.app.charts.DecimatedSeries trainLoss =
            new org.netwright.app.charts.DecimatedSeries("train loss");
    private final XYSeries valLoss = new XYSeries("validation loss");
    private final XYSeriesCollection lossData = new XYSeriesCollection();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper stopping = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper epochText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper accuracy = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No run yet.");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper();
    private final javafx.beans.property.ReadOnlyIntegerWrapper plannedEpochs = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final javafx.beans.property.ReadOnlyObjectWrapper<SampleGrid> samples =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper samplesCaption = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyLongWrapper samplesNotKept = new javafx.beans.property.ReadOnlyLongWrapper();
    private final javafx.collections.ObservableList<WarningMarker> warnings =
            javafx.collections.FXCollections.observableArrayList();
    // One read-only view, kept: a view made per call listens to the list weakly, so its listeners could be dropped.
    private final javafx.collections.ObservableList<WarningMarker> warningsView =
            javafx.collections.FXCollections.unmodifiableObservableList(warnings);
    private final ReadOnlyStringWrapper warningText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warningDetails = new ReadOnlyStringWrapper("");
    private final javafx.collections.ObservableMap<String, String> nodeWarnings =
            javafx.collections.FXCollections.observableHashMap();
    private final javafx.collections.ObservableMap<String, String> nodeWarningsView =
            javafx.collections.FXCollections.unmodifiableObservableMap(nodeWarnings);
    /** Each epoch's gradient norms (epoch to node id to norm) of the run shown, for the heat map. */
    private final java.util.TreeMap<Integer, java.util.Map<String, Double>> epochNorms = new java.util.TreeMap<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<GradientHeatMap> gradients =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper gradientsTitle = new ReadOnlyStringWrapper(GRADIENTS);
    private final javafx.collections.ObservableList<ActivationRow> activations =
            javafx.collections.FXCollections.observableArrayList();
    private final javafx.collections.ObservableList<ActivationRow> activationsView =
            javafx.collections.FXCollections.unmodifiableObservableList(activations);
    private final ReadOnlyStringWrapper activationsCaption = new ReadOnlyStringWrapper("");
    /** Set when an epoch brought norms; the heat map is rebuilt once per batch, not per epoch of a replay. */
    private boolean normsChanged;
    private long runId;
    private final javafx.beans.property.ReadOnlyLongWrapper resumableRun = new javafx.beans.property.ReadOnlyLongWrapper();
    /** Why the run offered for Resume cannot go on (no checkpoint, changed network...), "" when it can. */
    private final ReadOnlyStringWrapper resumeBlocker = new ReadOnlyStringWrapper("");
    /** Judges the offered run: called on the UI thread, returns the work (reading its checkpoint) to do off it. */
    private java.util.function.LongFunction<java.util.function.Supplier<java.util.Optional<String>>> resumeJudge;
    private java.util.concurrent.Executor judgeThread = Runnable::run;
    private java.util.concurrent.Executor uiThread = Runnable::run;
    /** Counts judgements, so an older answer never overwrites a newer one. */
    private int judgement;
    /** The run the blocker speaks of (0: none). */
    private long judgedRun;
    /** Subtracted from a resumed run's step numbers so its first step sits at the start of its first epoch. */
    private long stepOffset;
    private boolean alignNextStep;
    private RunProcess current;
    private int generation;
    private int epochs;
    private int stepsPerEpoch;
    private int lastEpoch;
    /** The epoch the latest step belonged to; ahead of lastEpoch while an epoch is under way. */
    private int currentEpoch;
    private String runDevice = "CPU";
    /** False for a project opened from a template and not saved under a name yet. */
    private boolean projectNamed = true;

    public TrainingViewModel(RunStarter starter) {
        this.starter = starter;
        lossData.addSeries(trainLoss.shown());
        lossData.addSeries(valLoss);
    }

    /** Starts a run of the project as it is saved now; the events update this model on the UI thread. */
    public void start(Path project, TrainingSettings settings) {
        if (running.get()) {
            return;
        }
        begin(settings.epochs(), List.of(), "Starting the run (a few seconds)…",
                bridge -> starter.start(project, settings, bridge));
    }

    /**
     * Goes on with stored run {@code runId} from its latest checkpoint as a new run in a child process, drawn like a
     * run started by Train: the chart first shows {@code before} (the stored run replayed up to its checkpoint, see
     * {@link RunHistory#replay}), and the new run's epochs continue from there. {@code epochs} above 0 sets how many
     * epochs the run trains in all; 0 keeps its own.
     */
    public void resume(Path project, long runId, int epochs, List<RunEvent> before) {
        if (running.get()) {
            return;
        }
        begin(0, before, "Resuming run " + runId + " (a few seconds)…",
                bridge -> starter.resume(project, runId, epochs, bridge));
        // The new run's step numbers go on from the checkpoint's; the first one places them after the replayed epochs.
        alignNextStep = true;
    }

    /** The stored run a Resume would go on with (the run just stopped, or a shown one that did not finish); 0 for none. */
    public javafx.beans.property.ReadOnlyLongProperty resumableRunProperty() {
        return resumableRun.getReadOnlyProperty();
    }

    /**
     * Lets the panel judge the run it offers for Resume before it is clicked: {@code judge}, called on the UI thread
     * with the run's id, gives the work that says why it cannot go on (reading its checkpoint), which runs on {@code
     * background}; the answer comes back through {@code ui}. Until it is known Resume is off and says it is checking.
     */
    public void judgeResumeWith(java.util.function.LongFunction<java.util.function.Supplier<java.util.Optional<String>>>
                                        judge, java.util.concurrent.Executor background,
                                java.util.concurrent.Executor ui) {
        this.resumeJudge = java.util.Objects.requireNonNull(judge);
        this.judgeThread = java.util.Objects.requireNonNull(background);
        this.uiThread = java.util.Objects.requireNonNull(ui);
        resumableRun.addListener((o, was, now) -> rejudgeResume());
        rejudgeResume();
    }

    /** Judges the offered run again (the network changed, say); nothing to judge when none is offered. */
    public void rejudgeResume() {
        int mine = ++judgement;
        long id = resumableRun.get();
        if (id == 0 || resumeJudge == null) {
            judgedRun = 0;
            resumeBlocker.set("");
            return;
        }
        if (id != judgedRun) {
            // A new run to judge; the same one judged again (after an edit) keeps its answer until the new one, so the
            // line does not flicker with each edit.
            judgedRun = id;
            resumeBlocker.set("Checking whether run " + id + " can go on\u2026");
        }
        java.util.function.Supplier<java.util.Optional<String>> work = resumeJudge.apply(id);
        judgeThread.execute(() -> {
            String why;
            try {
                why = work.get().orElse("");
            } catch (RuntimeException e) {
                why = "Run " + id + " cannot go on: " + e.getMessage();
            }
            String answer = why;
            uiThread.execute(() -> {
                if (mine == judgement) {
                    resumeBlocker.set(answer);
                }
            });
        });
    }

    /**
     * Why the run offered for Resume cannot go on, in one sentence ("Run 1 kept no checkpoint…"), or that it is being
     * checked; "" when it can, or when no run is offered.
     */
    public ReadOnlyStringProperty resumeBlockerProperty() {
        return resumeBlocker.getReadOnlyProperty();
    }

    /** Says why a run cannot go on (a Resume that was refused), as a failure in the status line. */
    public void refuse(String why) {
        if (running.get()) {
            return;
        }
        failed.set(true);
        status.set(why);
    }

    /** The shared start of a run: forgets what was shown, draws {@code before}, then starts the child. */
    private void begin(int plannedEpochCount, List<RunEvent> before, String starting, ChildStart child) {
        int mine = ++generation;
        plannedEpochs.set(0);
        trainLoss.clear();
        trainLoss.refresh();
        valLoss.clear();
        epochs = plannedEpochCount;
        stepsPerEpoch = 0;
        lastEpoch = 0;
        currentEpoch = 0;
        stepOffset = 0;
        alignNextStep = false;
        resumableRun.set(0);
        device.set("");
        accuracy.set("");
        samples.set(null);
        samplesCaption.set("");
        samplesNotKept.set(0);
        warnings.clear();
        warningText.set("");
        warningDetails.set("");
        nodeWarnings.clear();
        forgetGradients();
        if (!before.isEmpty()) {
            apply(before);
            trainLoss.refresh();
        }
        progress.set(-1);
        epochText.set("");
        failed.set(false);
        status.set(starting);
        running.set(true);
        stopping.set(false);
        // Events of an older run (one stopped just before) are dropped by the generation check.
        RunEventBridge bridge = RunEventBridge.toFxThread(batch -> {
            if (mine == generation) {
                apply(batch);
            }
        });
        try {
            current = child.start(bridge);
        } catch (IOException | RuntimeException e) {
            running.set(false);
            failed.set(true);
            status.set("Could not start the run: " + e.getMessage());
        }
    }

    /** How a run's child process is started, given where its events go. */
    @FunctionalInterface
    private interface ChildStart {
        RunProcess start(RunEventBridge events) throws IOException;
    }

    /**
     * Shows a run recorded earlier (the project's last one) as if it had just been sent, then
     * says it is a past run; nothing is running afterwards.
     */
    public void showPast(RunRecord run, List<MetricPoint> metrics) {
        showReplayed(run, RunHistory.read(run, metrics));
    }

    /** Says that the last run is being read (the window reads a long run off the UI thread). */
    public void showReadingPast() {
        if (!running.get()) {
            status.set("Reading the last run\u2026");
        }
    }

    /** Says that the last run could not be read, and why. */
    public void showPastUnreadable(String why) {
        if (!running.get()) {
            status.set("Could not read the last run: " + why);
        }
    }

    /**
     * Like {@link #showPast} with the run already replayed ({@link RunHistory#replay}), which a window does off the UI
     * thread for a long run.
     */
    public void showReplayed(RunRecord run, List<RunEvent> replayed) {
        showReplayed(run, replayed, null);
    }

    /**
     * Like {@link #showReplayed(RunRecord, List)} with every step's loss of the run ({@link RunHistory#read}), which
     * the curve keeps in place of the replay's thinned steps: the chart draws it decimated, its CSV holds it all.
     */
    public void showReplayed(RunRecord run, RunHistory.Replay replay) {
        showReplayed(run, replay.events(), replay);
    }

    private void showReplayed(RunRecord run, List<RunEvent> replayed, RunHistory.Replay every) {
        if (running.get()) {
            return;
        }
        // The chart listens to its data and draws at each change: the replay clears, fills and refreshes the curves,
        // which drew the chart three times (a tenth of a second of the window's thread the first time). Drawn once.
        lossData.setNotify(false);
        try {
            showReplayedQuietly(run, replayed, every);
        } finally {
            lossData.setNotify(true);
        }
    }

    private void showReplayedQuietly(RunRecord run, List<RunEvent> replayed, RunHistory.Replay every) {
        trainLoss.clear();
        valLoss.clear();
        accuracy.set("");
        plannedEpochs.set(0);
        warnings.clear();
        warningText.set("");
        warningDetails.set("");
        nodeWarnings.clear();
        forgetGradients();
        runId = run.id();
        samplesNotKept.set(0);
        apply(replayed);
        if (samples.get() == null && generative(replayed)) {
            // The grids a generative run draws each epoch go to the live panel only; the checkpoint can draw them again.
            samplesNotKept.set(run.id());
            samplesCaption.set("Samples are drawn while a run trains and are not kept with it. Look Inside draws run "
                    + run.id() + "'s samples from its last checkpoint.");
        }
        if (every != null) {
            // Every step in place of the replay's thinned ones, at the same x as a live step's (stepX).
            trainLoss.setAll(every.curveX(), every.curveY());
        }
        if (activations.isEmpty() && lastEpoch > 0) {
            // Runs trained before the statistics were kept with a run have none to show.
            activationsCaption.set("No layer output statistics were kept with this run.");
        }
        trainLoss.refresh();
        device.set("");
        failed.set(false);
        String when = startedAt(run);
        String how = "running".equals(run.status()) ? "did not finish" : run.status();
        resumableRun.set(java.util.Set.of("stopped", "interrupted", "failed").contains(run.status()) ? run.id() : 0);
        // The replay knows only the epochs that left points; the run's settings say how many it was to train. A run
        // that ended early is measured against those, or its bar would read full (15 of 15 for a stop at 15 of 40).
        int planned = Math.max(epochs, plannedEpochs(run));
        boolean completed = "completed".equals(run.status());
        boolean endedEarly = !completed && planned > lastEpoch;
        status.set("Showing the last run" + when + " (" + how + ", " + lastEpoch
                + (endedEarly ? " of " + planned + " epochs)." : lastEpoch == 1 ? " epoch)." : " epochs)."));
        progress.set(planned == 0 ? 0 : completed ? 1 : Math.min(1, (double) lastEpoch / planned));
        epochText.set("");
    }

    /** The epochs a stored run was set to train ({@code epochs} in its settings); 0 when they do not say. */
    private static int plannedEpochs(RunRecord run) {
        return org.netwright.model.run.RunSummary.of(run, java.time.Instant.now()).settings().path("epochs").asInt(0);
    }

    /**
     * The network, the data or the settings changed: a failure's red sentence (which named what was wrong then) gives
     * way to a plain one, since the cause may be fixed; nothing changes while a run is going or when none failed.
     */
    public void inputsChanged() {
        if (running.get() || !failed.get()) {
            return;
        }
        failed.set(false);
        status.set(STALE_FAILURE);
    }

    /** The status line once what a failed run trained on has changed. */
    static final String STALE_FAILURE = "The last run failed; the network, data or settings have changed since."
            + " Press Train to try again.";

    /** Shows no run (the project's runs were deleted); nothing happens while a run is going. */
    public void forgetPast() {
        if (running.get()) {
            return;
        }
        resumableRun.set(0);
        trainLoss.clear();
        trainLoss.refresh();
        valLoss.clear();
        accuracy.set("");
        plannedEpochs.set(0);
        warnings.clear();
        warningText.set("");
        warningDetails.set("");
        nodeWarnings.clear();
        forgetGradients();
        samples.set(null);
        samplesCaption.set("");
        samplesNotKept.set(0);
        device.set("");
        failed.set(false);
        progress.set(0);
        epochText.set("");
        status.set("No run yet.");
    }

    private static String startedAt(RunRecord run) {
        try {
            return " from " + WHEN.format(Instant.parse(run.startedAt()).atZone(ZoneId.systemDefault()));
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Asks the run to stop after its current step; it is ended by force if it does not. */
    public void stop() {
        if (current != null && running.get()) {
            stopping.set(true);
            status.set("Stopping after the current step…");
            current.stop();
        }
    }

    /** Where step {@code step} sits on the chart's x axis, in epochs: live steps and replayed ones alike. */
    static double stepX(long step, int stepsPerEpoch) {
        return (double) step / Math.max(1, stepsPerEpoch);
    }

    /** Applies events in order; called on the UI thread with one batch per bridge hand-over. */
    public void apply(List<RunEvent> batch) {
        for (RunEvent e : batch) {
            applyOne(e);
        }
        // The series were filled without notifying; one redraw for the whole batch, the training curve's paced.
        trainLoss.refreshIfDue(System.nanoTime());
        valLoss.fireSeriesChanged();
        if (normsChanged) {
            normsChanged = false;
            GradientHeatMap map = GradientHeatMap.ofEpochs(runId, epochNorms);
            gradients.set(map);
            boolean trouble = !map.layersMarked(GradientHeatMap.Health.VANISHING).isEmpty()
                    || !map.layersMarked(GradientHeatMap.Health.EXPLODING).isEmpty();
            gradientsTitle.set(trouble ? GRADIENTS + " \u26a0" : GRADIENTS);
        }
    }

    private void forgetGradients() {
        epochNorms.clear();
        normsChanged = false;
        gradients.set(null);
        gradientsTitle.set(GRADIENTS);
        activations.clear();
        activationsCaption.set("");
    }

    private void applyOne(RunEvent event) {
        // Java 17 has no pattern switch; the chain covers every permitted RunEvent.
        if (event instanceof RunEvent.Started s) {
            runId = s.runId();
            epochs = s.epochs();
            plannedEpochs.set(epochs);
            stepsPerEpoch = Math.max(1, s.stepsPerEpoch());
            runDevice = deviceName(s.device());
            device.set("Training on " + runDevice);
            // A GPU build that fell back to the CPU says why, where the user looks for the device.
            status.set(s.note().isEmpty() ? "Training run " + s.runId() + "…" : s.note());
            // A resumed run starts after the epochs already drawn.
            epochText.set("Epoch " + (lastEpoch + 1) + " / " + epochs);
            progress.set(Math.min(1, (double) lastEpoch / Math.max(1, epochs)));
        } else if (event instanceof RunEvent.Step s) {
            if (alignNextStep) {
                // After a stop inside an epoch the checkpoint's step count is mid-epoch, but that epoch is trained
                // again from its start: shift the new steps so the epoch begins where it should on the chart.
                alignNextStep = false;
                stepOffset = (s.step() - 1) - (long) (Math.max(1, s.epoch()) - 1) * Math.max(1, stepsPerEpoch);
            }
            double x = stepX(s.step() - stepOffset, stepsPerEpoch);
            if (Double.isFinite(s.trainLoss())) {
                trainLoss.add(x, s.trainLoss());
            }
            currentEpoch = Math.max(1, s.epoch());
            epochText.set("Epoch " + currentEpoch + " / " + epochs);
            progress.set(Math.min(1, x / Math.max(1, epochs)));
        } else if (event instanceof RunEvent.Epoch ep) {
            lastEpoch = ep.epoch();
            if (!ep.gradNorms().isEmpty()) {
                epochNorms.put(ep.epoch(), ep.gradNorms());
                normsChanged = true;
            }
            if (!ep.activations().isEmpty()) {
                activations.setAll(ep.activations().entrySet().stream()
                        .map(a -> ActivationRow.of(a.getKey(), a.getValue())).toList());
                long bad = activations.stream().filter(ActivationRow::isProblem).count();
                activationsCaption.set("Layer outputs on a training batch after epoch " + ep.epoch()
                        + (bad == 0 ? "" : " \u2014 " + bad + (bad == 1 ? " layer looks" : " layers look")
                                + " stuck"));
            }
            if (ep.valLoss() != null && Double.isFinite(ep.valLoss())) {
                valLoss.add(ep.epoch(), ep.valLoss(), false);
            }
            if (!ep.warnings().isEmpty()) {
                WarningMarker marker = WarningMarker.of(ep.epoch(), ep.warnings());
                warnings.add(marker);
                warningText.set("\u26a0 Epoch " + ep.epoch() + ": " + marker.label());
                warningDetails.set(String.join("\n", ep.warnings().stream().map(RunWarning::message).toList()));
            }
            // The cards show the latest epoch's word on each layer (by its path, so a layer inside a block is named on
            // the block's card and marked on its own when the block is open); a layer that recovered loses its mark.
            java.util.Map<String, String> byCard = new java.util.LinkedHashMap<>();
            for (RunWarning w : ep.warnings()) {
                if (w.node() != null) {
                    byCard.merge(w.node(), WarningMarker.words(w.kind()), (a, b) -> a.contains(b) ? a : a + ", " + b);
                }
            }
            nodeWarnings.keySet().retainAll(byCard.keySet());
            nodeWarnings.putAll(byCard);
            String words = MetricWords.epoch(ep.metrics());
            if (!words.isEmpty()) {
                accuracy.set(words);
            }
            epochText.set("Epoch " + ep.epoch() + " / " + epochs);
            progress.set(Math.min(1, (double) ep.epoch() / Math.max(1, epochs)));
        } else if (event instanceof RunEvent.Samples g) {
            SampleGrid.of(g).ifPresent(picture -> {
                samples.set(picture);
                samplesCaption.set("Samples from fixed noise after epoch " + g.epoch());
            });
        } else if (event instanceof RunEvent.Finished f) {
            // A stopped run can go on (Resume); its id is the one Started gave.
            resumableRun.set("stopped".equals(f.status()) ? runId : 0);
            end(!"completed".equals(f.status()) && !"stopped".equals(f.status()), finishedText(f),
                    "completed".equals(f.status()));
        } else if (event instanceof RunEvent.Failed f) {
            if (f.node() != null) {
                nodeWarnings.put(f.node(), "the first output that was not finite");
            }
            end(true, "The run failed: " + f.message(), false);
        } else if (event instanceof RunEvent.Crashed c) {
            end(true, "The run crashed (exit code " + c.exitCode() + "): " + c.lastErrorLine(), false);
        }
    }

    private String finishedText(RunEvent.Finished f) {
        if ("stopped".equals(f.status())) {
            // One line that cannot contradict itself: where it stopped, and how much was complete.
            String where = currentEpoch > lastEpoch
                    ? "Stopped during epoch " + currentEpoch + " of " + epochs + " (" + lastEpoch
                            + (lastEpoch == 1 ? " epoch" : " epochs") + " complete)."
                    : "Stopped after epoch " + lastEpoch + " of " + epochs + ".";
            return where + (projectNamed ? " What was recorded is kept in the project."
                    : " What was recorded stays with this project once it is saved (File > Save…).");
        }
        String test = MetricWords.test(f.metrics().values());
        return "Finished " + lastEpoch + (lastEpoch == 1 ? " epoch." : " epochs.") + test
                + (projectNamed ? " The run is saved in the project."
                        : " The project is not saved under a name yet: File > Save… keeps the run with it.");
    }

    /**
     * Whether the project has been saved under a name of the user's; one opened from a template has not, and a run's
     * last line must not tell the user it is saved while the status bar and a quit say it is not.
     */
    public void setProjectNamed(boolean named) {
        projectNamed = named;
    }

    /**
     * Ends the run's display: the status line says what happened; the bar shows the complete epochs only (full only
     * for a finished run); the epoch line goes, since the status now says it; "Trained on" only for a finished run.
     */
    private void end(boolean isFailure, String message, boolean completed) {
        if (!device.get().isEmpty()) {
            device.set((completed ? "Trained on " : "Ran on ") + runDevice);
        }
        stopping.set(false);
        failed.set(isFailure);
        status.set(message);
        progress.set(completed ? 1 : epochs == 0 ? 0 : Math.min(1, (double) lastEpoch / epochs));
        epochText.set("");
        trainLoss.refresh();
        current = null;
        // Last: whoever waits for the run to end (a test thread too) then finds the status already telling why.
        running.set(false);
    }

    private static String deviceName(String device) {
        return device == null || device.isBlank() || device.equalsIgnoreCase("cpu") ? "CPU" : "GPU (" + device + ")";
    }

    /** Stops a run that is still going; the panel is going away (another project was opened). */
    public void dispose() {
        stop();
        generation++;
    }

    public XYSeriesCollection lossData() {
        return lossData;
    }

    /** How many training-loss points the run sent (the chart may draw fewer). */
    public int trainLossPointCount() {
        return trainLoss.size();
    }

    /** The training-loss curve behind the chart; the chart sets its width and range and paces its refreshes. */
    public org.netwright.app.charts.DecimatedSeries trainLossCurve() {
        return trainLoss;
    }

    public int validationLossPointCount() {
        return valLoss.getItemCount();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The epochs of the run shown, once it has started; 0 before. The chart's x axis spans them. */
    public javafx.beans.property.ReadOnlyIntegerProperty plannedEpochsProperty() {
        return plannedEpochs.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty stoppingProperty() {
        return stopping.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty epochTextProperty() {
        return epochText.getReadOnlyProperty();
    }

    /** 0..1, or -1 while the run is starting (an indeterminate bar). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accuracyProperty() {
        return accuracy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True when the last run failed or crashed, so the status reads as an error. */
    /** Whether a replayed run's epochs carry a generative model's loss parts (a GAN's D/G losses, a VAE's KL term). */
    private static boolean generative(List<RunEvent> replayed) {
        return replayed.stream().anyMatch(e -> e instanceof RunEvent.Epoch ep
                && (ep.metrics().containsKey("d_loss") || ep.metrics().containsKey("kl")));
    }

    /**
     * The id of a shown past generative run whose samples were not kept (its Samples tab offers Look Inside), or 0:
     * a live run's samples, or none to show.
     */
    public javafx.beans.property.ReadOnlyLongProperty samplesNotKeptProperty() {
        return samplesNotKept.getReadOnlyProperty();
    }

    /** The latest grid of samples a generative run drew from its fixed noise; null until one arrives. */
    public javafx.beans.property.ReadOnlyObjectProperty<SampleGrid> samplesProperty() {
        return samples.getReadOnlyProperty();
    }

    /** Which epoch the shown samples come from; empty while there are none. */
    public ReadOnlyStringProperty samplesCaptionProperty() {
        return samplesCaption.getReadOnlyProperty();
    }

    /** The card on the main canvas that holds a node: a layer inside a group ({@code group/inner}) is on its group's. */
    /**
     * Drops the run's words about cards that are no longer on the canvas ({@code cards} are the ids there now), so a
     * layer added later under a deleted one's id does not inherit a warning it never earned. A layer inside a block
     * ({@code block_1/dense_2}) stays while its block's card does.
     */
    public void keepWarningsOn(java.util.Set<String> cards) {
        nodeWarnings.keySet().removeIf(path -> {
            int cut = path.indexOf(org.netwright.model.graph.CompositeFlattening.SEPARATOR);
            return !cards.contains(cut < 0 ? path : path.substring(0, cut));
        });
    }

    /**
     * What the run said about layers, by layer path ({@code block_1/dense_2} inside a block): the latest epoch's
     * warnings in a few words, or where a NaN began; the editor marks those cards and the blocks holding them.
     */
    public javafx.collections.ObservableMap<String, String> nodeWarnings() {
        return nodeWarningsView;
    }

    /** One marker per epoch that raised health warnings, in order; the loss chart draws them. */
    public javafx.collections.ObservableList<WarningMarker> warningMarkers() {
        return warningsView;
    }

    /** The latest epoch's warnings in a few words, e.g. "⚠ Epoch 3: vanishing gradients (19 layers)"; empty without. */
    public ReadOnlyStringProperty warningTextProperty() {
        return warningText.getReadOnlyProperty();
    }

    /** The latest epoch's warnings in full sentences, one a line (what to try included). */
    public ReadOnlyStringProperty warningDetailsProperty() {
        return warningDetails.getReadOnlyProperty();
    }

    /**
     * The shown run's per-layer gradient norms over its epochs so far, judged by the health rules; null before its
     * first epoch with norms. Set once per batch of events, so a replayed run builds it once.
     */
    public javafx.beans.property.ReadOnlyObjectProperty<GradientHeatMap> gradientsProperty() {
        return gradients.getReadOnlyProperty();
    }

    /** Each layer's output statistics after the latest epoch that measured them, in the order the network runs. */
    public javafx.collections.ObservableList<ActivationRow> activations() {
        return activationsView;
    }

    /** Which epoch the activation statistics come from, and how many layers look stuck; empty while there are none. */
    public ReadOnlyStringProperty activationsCaptionProperty() {
        return activationsCaption.getReadOnlyProperty();
    }

    /** The title of the gradients view: "Gradients", with ⚠ while some layer's gradients vanish or explode. */
    public ReadOnlyStringProperty gradientsTitleProperty() {
        return gradientsTitle.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}
