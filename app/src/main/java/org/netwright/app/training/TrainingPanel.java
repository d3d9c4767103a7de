package org.netwright.app.training;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.netwright.model.settings.TrainingSettings;

/**
 * The bottom panel (CSS id {@code training-panel}): training settings, Train and Stop, the data
 * the run trains on, the device, progress and the live loss chart with the gradient heat map on a tab beside it. It only shows the view model and forwards clicks.
 */
public final class TrainingPanel extends HBox {
    private final TrainingViewModel model;
    private final SettingsForm form;
    private final DataRow dataRow;
    private final Label settingsError = new Label();
    private final TrainingOptionsModel options;
    private TrainingOptionsDialog optionsDialog;
    private java.util.function.Supplier<org.netwright.app.runs.RunsWindow> makeRunsWindow;
    private org.netwright.app.runs.RunsWindow runsWindow;
    /** The quick checks' actions, set by the window that knows the project (see {@link #setChecks}). */
    private java.util.function.LongConsumer resume = id -> { };
    private Runnable checkOverfit = () -> { };
    private Runnable findRate = () -> { };

    /**
     * @param trainBlocker why Train is off (empty when it may run), e.g. a shape problem
     * @param train starts a run; the caller knows the project file and saves before it
     */
    public TrainingPanel(TrainingViewModel model, SettingsForm form, DataViewModel data, TrainingOptionsModel options,
                         ObservableStringValue trainBlocker, Runnable train) {
        this.model = model;
        this.form = form;
        this.options = options;
        this.dataRow = new DataRow(data, model.runningProperty());
        setId("training-panel");
        getStyleClass().add("training-panel");

        GridPane fields = settingsFields();
        Button trainButton = new Button("Train");
        trainButton.setId("train-button");
        trainButton.getStyleClass().add("accent");
        trainButton.setDefaultButton(false);
        trainButton.setOnAction(e -> train.run());
        trainButton.disableProperty().bind(model.runningProperty()
                .or(Bindings.createBooleanBinding(() -> !trainBlocker.get().isEmpty(), trainBlocker)));
        // No tooltip: a disabled button never shows one. The hint label under the buttons says why.

        Button stopButton = new Button("Stop");
        stopButton.setId("stop-button");
        stopButton.disableProperty().bind(model.runningProperty().not().or(model.stoppingProperty()));
        stopButton.setOnAction(e -> model.stop());
        Button resumeButton = new Button("Resume");
        resumeButton.setId("resume-button");
        resumeButton.setTooltip(new javafx.scene.control.Tooltip("Go on with the stopped run from its last checkpoint"));
        // Off while the offered run cannot go on (it kept no checkpoint, the network changed...): the line under the
        // buttons says why, rather than a refusal only once clicked.
        resumeButton.disableProperty().bind(model.runningProperty().or(model.resumableRunProperty().isEqualTo(0))
                .or(model.resumeBlockerProperty().isNotEmpty()));
        resumeButton.setOnAction(e -> resume.accept(model.resumableRunProperty().get()));
        Button optionsButton = new Button("Options…");
        optionsButton.setId("options-button");
        optionsButton.setOnAction(e -> showOptions());
        Button runsButton = new Button("Runs…");
        runsButton.setId("runs-button");
        runsButton.setOnAction(e -> showRuns());
        Button overfitButton = new Button("Overfit Batch");
        overfitButton.setId("overfit-button");
        overfitButton.setTooltip(new javafx.scene.control.Tooltip("Check: can the network memorise one batch?"));
        overfitButton.setOnAction(e -> checkOverfit.run());
        Button rateButton = new Button("Find Rate…");
        rateButton.setId("lr-find-button");
        rateButton.setTooltip(new javafx.scene.control.Tooltip("Find a learning rate: loss against a growing rate"));
        rateButton.setOnAction(e -> findRate.run());
        // The checks train a copy of the network in a child process; not beside a run, which locks the graph.
        overfitButton.disableProperty().bind(trainButton.disableProperty());
        rateButton.disableProperty().bind(trainButton.disableProperty());
        // Seven buttons do not fit the column's width at their full text: the run's own three on one row, the windows
        // on the next, the checks on the third, and none may shrink to an ellipsis.
        for (Button b : List.of(trainButton, stopButton, resumeButton, optionsButton, runsButton, overfitButton,
                rateButton)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        VBox buttons = new VBox(6, new HBox(8, trainButton, stopButton, resumeButton),
                new HBox(8, optionsButton, runsButton),
                new HBox(8, overfitButton, rateButton));
        model.runningProperty().addListener((o, was, now) ->
                javafx.application.Platform.runLater(() -> followRunWithFocus(now ? stopButton : trainButton)));

        Label blocker = new Label();
        blocker.setId("train-blocker");
        blocker.getStyleClass().add("hint");
        blocker.setWrapText(true);
        blocker.textProperty().bind(trainBlocker);
        blocker.visibleProperty().bind(Bindings.createBooleanBinding(() -> !trainBlocker.get().isEmpty(), trainBlocker));
        blocker.managedProperty().bind(blocker.visibleProperty());

        Label resumeReason = new Label();
        resumeReason.setId("resume-reason");
        resumeReason.getStyleClass().add("hint");
        resumeReason.setWrapText(true);
        resumeReason.textProperty().bind(model.resumeBlockerProperty());
        resumeReason.visibleProperty().bind(model.resumeBlockerProperty().isNotEmpty()
                .and(model.resumableRunProperty().isNotEqualTo(0)).and(model.runningProperty().not()));
        resumeReason.managedProperty().bind(resumeReason.visibleProperty());

        settingsError.setId("settings-error");
        settingsError.getStyleClass().add("error");
        settingsError.setWrapText(true);
        settingsError.managedProperty().bind(settingsError.textProperty().isNotEmpty());

        // Why Train is off and a refused value are said in the Run column, in room it has; see messages().
        blocker.setMinHeight(Region.USE_COMPUTED_SIZE);
        VBox left = new VBox(8, title("Training"), fields, buttons);
        this.left = left;
        left.getStyleClass().add("training-settings");
        left.setMinWidth(290);
        left.setPrefWidth(290);
        left.setMaxWidth(290);

        ChartViewer chart = LossChart.create(model.lossData(), model.plannedEpochsProperty(), model.runningProperty(),
                model.warningMarkers());
        chart.setMinSize(200, 150);
        LossChart.pace(chart, model.trainLossCurve());
        // The CSV holds every step's loss, not the decimated points on screen.
        org.netwright.app.charts.ChartExport.install(chart, "loss", java.util.List.of(model.trainLossCurve()));
        // The data row sits where the other columns have their titles, so the panel grows no taller for it; the
        // chart asks for little and takes the rest, so a one-line refusal under the row shrinks the chart, not the canvas.
        // The tabs' height follows the window (see views): the chart asks for no more than the smallest of it.
        chart.setPrefSize(600, 156);
        VBox centre = new VBox(6, dataRow, views(chart));
        HBox.setHgrow(centre, Priority.ALWAYS);

        VBox right = runStatus();
        right.getChildren().addAll(messages(blocker), messages(resumeReason), messages(settingsError));
        getChildren().addAll(left, centre, right);
        setSpacing(16);
        setPadding(new Insets(10, 14, 10, 14));
        // As tall as the settings column, whatever the messages say: a reason of one line or four used to make the
        // panel taller and push the canvas up. Longer messages end in an ellipsis; their tooltip holds them whole.
        setMaxHeight(Region.USE_PREF_SIZE);
    }

    /** The settings column, whose height is the panel's. */
    private final VBox left;
    /** The chart's tabs, whose height follows the window's (see views). */
    private TabPane tabs;

    @Override
    protected double computePrefHeight(double width) {
        // The settings column, or the Data row and the tabs: MIN_HEIGHT holds them at their lowest, and the panel grows
        // by what a taller window gives the tabs. Never by a message, so the canvas above does not move.
        double tabsGrowth = tabs == null ? 0 : Math.max(0, tabs.getPrefHeight() - TABS_MIN);
        return Math.max(MIN_HEIGHT + tabsGrowth,
                snappedTopInset() + left.prefHeight(left.getPrefWidth()) + snappedBottomInset());
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    /**
     * The panel is never lower than this: the Data row's usual lines (the data, four lines of task) and the chart's
     * tabs at their height (186 px) fit; more lines end in an ellipsis instead of raising the panel.
     */
    private static final double MIN_HEIGHT = 310;

    /**
     * A message label in the Run column: it takes the room left, ends in an ellipsis when that is too little, and
     * shows whole in its tooltip.
     */
    private static Label messages(Label label) {
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(label.textProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(420);
        label.setTooltip(whole);
        label.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    /**
     * The loss chart and, beside it on a second tab, the run's gradient-norm heat map as its epochs arrive with the
     * latest epoch's activation statistics per layer; the tab's title gains ⚠ while a layer's gradients vanish or
     * explode.
     */
    private TabPane views(ChartViewer chart) {
        Tab loss = new Tab("Loss", chart);
        loss.setId("loss-tab");
        org.netwright.app.insight.GradientsPanel heat = org.netwright.app.insight.GradientsPanel.live(
                model.gradientsProperty());
        heat.setPadding(new Insets(4, 0, 0, 0));
        // The heat map takes what the statistics leave; its long verdict wraps rather than widening it.
        HBox.setHgrow(heat, Priority.ALWAYS);
        heat.setPrefWidth(300);
        heat.setMinWidth(200);
        Tab gradients = new Tab(null, new HBox(12, heat, activationsTable()));
        gradients.setId("gradients-tab");
        gradients.textProperty().bind(model.gradientsTitleProperty());
        TabPane tabs = new TabPane(loss, gradients);
        this.tabs = tabs;
        tabs.setId("training-views");
        // A generative run's samples get a tab of their own once it has drawn some: in the run column the picture
        // made the whole panel twice as tall and squeezed the canvas in the middle of the run.
        Tab samplesTab = new Tab("Samples", samplesPane());
        samplesTab.setId("samples-tab");
        // Also for a reopened generative run, whose samples were not kept: the tab says where to see them.
        Runnable showSamplesTab = () -> {
            boolean any = model.samplesProperty().get() != null || model.samplesNotKeptProperty().get() != 0;
            if (!any) {
                tabs.getTabs().remove(samplesTab);
            } else if (!tabs.getTabs().contains(samplesTab)) {
                tabs.getTabs().add(samplesTab);
            }
        };
        model.samplesProperty().addListener((o, was, now) -> showSamplesTab.run());
        model.samplesNotKeptProperty().addListener((o, was, now) -> showSamplesTab.run());
        showSamplesTab.run();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setMinSize(200, 150);
        // About a quarter of the window's height, 186 to 262 px: about 230 px of chart at 1600x1000, where 156 px drew the
        // curve in a strip too flat to read, and no taller on a small screen, where the canvas needs the room.
        tabs.setPrefHeight(TABS_MIN);
        sceneProperty().addListener((o, was, scene) -> {
            tabs.prefHeightProperty().unbind();
            if (scene != null) {
                tabs.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> tabsHeight(scene.getHeight()),
                        scene.heightProperty()));
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        return tabs;
    }

    private static final double TABS_MIN = 186;
    private static final double TABS_MAX = 262;

    /** The loss and gradient tabs' height in a window {@code windowHeight} tall. */
    static double tabsHeight(double windowHeight) {
        return Math.max(TABS_MIN, Math.min(TABS_MAX, Math.round(windowHeight * 0.26)));
    }

    /** The latest epoch's output statistics per layer; rows that look stuck (mostly zero, constant) in red. */
    private VBox activationsTable() {
        ActivationTable table = new ActivationTable(model.activations(), "live-activations-table",
                "Each layer's outputs are summed up here at the end of every epoch.");
        Label caption = new Label();
        caption.setId("live-activations-caption");
        caption.setWrapText(true);
        caption.textProperty().bind(Bindings.when(model.activationsCaptionProperty().isEmpty())
                .then("Layer outputs").otherwise(model.activationsCaptionProperty()));
        caption.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(4, caption, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(4, 0, 0, 0));
        box.setMinWidth(300);
        box.setPrefWidth(500);
        box.setMaxWidth(500);
        return box;
    }

    private GridPane settingsFields() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(5);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(90);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, inputs);

        grid.addRow(0, new Label("Epochs"),
                field("epochs-field", s -> Integer.toString(s.epochs()), form::setEpochs));
        grid.addRow(1, new Label("Batch size"),
                field("batch-size-field", s -> Integer.toString(s.batchSize()), form::setBatchSize));
        grid.addRow(2, new Label("Learning rate"),
                field("learning-rate-field", s -> Double.toString(s.learningRate()), form::setLearningRate));

        ComboBox<String> optimizer = new ComboBox<>();
        optimizer.setId("optimizer-box");
        optimizer.getItems().setAll(TrainingSettings.OPTIMIZERS);
        optimizer.setValue(form.settings().optimizer());
        optimizer.setMaxWidth(Double.MAX_VALUE);
        optimizer.disableProperty().bind(model.runningProperty());
        optimizer.valueProperty().addListener((obs, old, now) -> {
            if (now != null && !now.equals(form.settings().optimizer())) {
                report(form.setOptimizer(now));
                optimizer.setValue(form.settings().optimizer());
            }
        });
        // The options window chooses optimizers too.
        form.settingsProperty().addListener((obs, old, now) -> optimizer.setValue(now.optimizer()));
        grid.addRow(3, new Label("Optimizer"), optimizer);
        return grid;
    }

    /** A text field that commits on Enter or when it loses focus; a refused value is put back. */
    private TextField field(String id, Function<TrainingSettings, String> show,
                            Function<String, Optional<String>> commit) {
        TextField f = new TextField(show.apply(form.settings()));
        f.setId(id);
        f.setPrefColumnCount(6);
        f.disableProperty().bind(model.runningProperty());
        Runnable apply = () -> {
            if (!f.getText().equals(show.apply(form.settings()))) {
                report(commit.apply(f.getText()));
                f.setText(show.apply(form.settings()));
            }
        };
        f.setOnAction(e -> apply.run());
        // A value set elsewhere (the options window, a check's "Use this rate") shows here unless the user is typing.
        form.settingsProperty().addListener((obs, was, now) -> {
            if (!f.isFocused() && now != null) {
                f.setText(show.apply(now));
            }
        });
        f.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                apply.run();
            }
        });
        return f;
    }

    private void report(Optional<String> refusal) {
        settingsError.setText(refusal.orElse(""));
    }

    private VBox runStatus() {
        Label device = new Label();
        device.setId("device-label");
        device.getStyleClass().add("device");
        device.textProperty().bind(Bindings.when(model.deviceProperty().isEmpty())
                .then("Runs on this computer's CPU").otherwise(model.deviceProperty()));

        ProgressBar bar = new ProgressBar();
        bar.setId("run-progress");
        bar.progressProperty().bind(model.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        Label epoch = new Label();
        epoch.setId("epoch-label");
        epoch.textProperty().bind(model.epochTextProperty());

        Label accuracy = new Label();
        accuracy.setId("accuracy-label");
        accuracy.getStyleClass().add("metric");
        accuracy.textProperty().bind(model.accuracyProperty());
        // A task may report several metrics (R², MAE, RMSE...): they wrap rather than lose their end.
        accuracy.setWrapText(true);

        Label status = new Label();
        status.setId("run-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        model.failedProperty().addListener((obs, was, is) -> {
            status.getStyleClass().remove("error");
            if (is) {
                status.getStyleClass().add("error");
            }
        });

        Label health = new Label();
        health.setId("health-warning");
        health.getStyleClass().add("warning");
        health.setWrapText(true);
        health.textProperty().bind(model.warningTextProperty());
        javafx.scene.control.Tooltip details = new javafx.scene.control.Tooltip();
        details.setWrapText(true);
        details.setMaxWidth(420);
        details.textProperty().bind(model.warningDetailsProperty());
        health.setTooltip(details);
        health.visibleProperty().bind(model.warningTextProperty().isNotEmpty());
        health.managedProperty().bind(health.visibleProperty());

        // Before the first run only the device and "No run yet" show; empty lines would look broken.
        bar.visibleProperty().bind(model.progressProperty().greaterThan(0).or(model.runningProperty()));
        for (javafx.scene.Node n : new javafx.scene.Node[] {bar, epoch, accuracy}) {
            n.managedProperty().bind(n.visibleProperty());
        }
        epoch.visibleProperty().bind(model.epochTextProperty().isNotEmpty());
        accuracy.visibleProperty().bind(model.accuracyProperty().isNotEmpty());
        VBox box = new VBox(8, title("Run"), device, bar, epoch, accuracy, health, status);
        box.setAlignment(Pos.TOP_LEFT);
        box.setMinWidth(240);
        box.setPrefWidth(260);
        box.setMaxWidth(260);
        return box;
    }

    /** The latest sample grid with its caption (which epoch drew it). */
    private HBox samplesPane() {
        javafx.scene.image.ImageView samples = sampleView();
        Label samplesCaption = new Label();
        samplesCaption.setId("samples-caption");
        samplesCaption.setWrapText(true);
        samplesCaption.textProperty().bind(model.samplesCaptionProperty());
        Button lookInside = new Button("Look Inside\u2026");
        lookInside.setId("samples-look-inside");
        lookInside.visibleProperty().bind(model.samplesNotKeptProperty().isNotEqualTo(0));
        lookInside.managedProperty().bind(lookInside.visibleProperty());
        lookInside.setOnAction(e -> {
            long run = model.samplesNotKeptProperty().get();
            if (run != 0 && this.lookInside != null) {
                this.lookInside.accept(run);
            }
        });
        samplesCaption.setMaxWidth(420);
        HBox box = new HBox(12, samples, new VBox(8, samplesCaption, lookInside));
        box.setPadding(new Insets(6, 0, 0, 0));
        return box;
    }

    /** The latest sample grid, drawn at 4× (or less, to fit the tab) without smoothing so pixels stay sharp. */
    private javafx.scene.image.ImageView sampleView() {
        javafx.scene.image.ImageView view = new javafx.scene.image.ImageView();
        view.setId("samples-view");
        view.setSmooth(false);
        view.setPreserveRatio(true);
        model.samplesProperty().addListener((obs, was, grid) -> {
            if (grid == null) {
                view.setImage(null);
                return;
            }
            javafx.scene.image.WritableImage image = new javafx.scene.image.WritableImage(grid.width(), grid.height());
            image.getPixelWriter().setPixels(0, 0, grid.width(), grid.height(),
                    javafx.scene.image.PixelFormat.getIntArgbInstance(), grid.argb(), 0, grid.width());
            view.setImage(image);
            view.setFitWidth(Math.min(480, grid.width() * 4.0));
            view.setFitHeight(Math.min(140, grid.height() * 4.0));
        });
        return view;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    /** Opens the Training options window (once; later clicks bring it to the front). */
    public void showOptions() {
        if (optionsDialog == null) {
            optionsDialog = new TrainingOptionsDialog(getScene() == null ? null : getScene().getWindow(),
                    getScene() == null ? java.util.List.of() : getScene().getStylesheets(), options,
                    model.runningProperty());
        }
        optionsDialog.show();
        optionsDialog.toFront();
    }

    /** What the Samples tab's Look Inside button does with a stored run's id (opens the Insight window on it). */
    public void setLookInside(java.util.function.LongConsumer open) {
        this.lookInside = open;
    }

    private java.util.function.LongConsumer lookInside;

    /** How the Runs… button makes the project's Runs window (once; later clicks bring it to the front). */
    public void setRunsWindow(java.util.function.Supplier<org.netwright.app.runs.RunsWindow> make) {
        this.makeRunsWindow = make;
    }

    /** What the Overfit Batch and Find Rate… buttons do (the window opens each check for the project). */
    public void setChecks(Runnable overfit, Runnable rate) {
        this.checkOverfit = overfit;
        this.findRate = rate;
    }

    /** What Resume does with the run the panel offers to go on with (set by the window that knows the project). */
    public void setResume(java.util.function.LongConsumer resume) {
        this.resume = resume;
    }

    /** Opens the Runs window, reading the runs afresh. */
    public void showRuns() {
        if (runsWindow == null && makeRunsWindow != null) {
            runsWindow = makeRunsWindow.get();
        }
        if (runsWindow != null) {
            runsWindow.open();
        }
    }

    /** The Runs window once it was opened, else null. */
    public org.netwright.app.runs.RunsWindow runsWindow() {
        return runsWindow;
    }

    /** The Training options window's state. */
    public TrainingOptionsModel options() {
        return options;
    }

    /** Closes the Training options, Runs and Task windows, e.g. when the project closes. */
    public void closeOptions() {
        if (optionsDialog != null) {
            optionsDialog.hide();
        }
        if (runsWindow != null) {
            runsWindow.hide();
        }
        dataRow.closeTaskEditor();
    }

    /** Points in the training-loss series, for tests and for knowing the chart is alive. */
    public int trainLossPointCount() {
        return model.trainLossPointCount();
    }

    public TrainingViewModel model() {
        return model;
    }

    /** The training settings shown (the task among them), as the panel and its dialogs edit them. */
    public SettingsForm form() {
        return form;
    }

    /** The Data row, e.g. to answer its file dialog in tests. */
    public DataRow dataRow() {
        return dataRow;
    }

    /**
     * Moves the keyboard focus to Stop when a run starts and back to Train when it ends, but only from
     * this panel or a control the run switched off: focus is never taken from the editor.
     */
    private void followRunWithFocus(javafx.scene.Node target) {
        if (getScene() == null) {
            return;
        }
        javafx.scene.Node owner = getScene().getFocusOwner();
        boolean ours = owner == null || owner.isDisabled() || isAncestorOf(owner);
        if (ours && !target.isDisabled()) {
            target.requestFocus();
        }
    }

    private boolean isAncestorOf(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == this) {
                return true;
            }
        }
        return false;
    }
}
