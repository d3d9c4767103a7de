package org.netwright.app;

import java.net.URL;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.netwright.app.project.ProjectSession;
import org.netwright.app.project.Workspace;
import org.netwright.app.training.DataViewModel;
import org.netwright.app.training.RunStarter;
import org.netwright.app.training.SettingsForm;
import org.netwright.app.training.TrainReadiness;
import org.netwright.app.training.TrainingOptionsModel;
import org.netwright.app.training.TrainingPanel;
import org.netwright.app.training.TrainingViewModel;
import org.netwright.editor.EditorModel;
import org.netwright.editor.canvas.GraphCanvas;
import org.netwright.editor.canvas.LevelsView;
import org.netwright.editor.inspector.InspectorView;
import org.netwright.editor.palette.PaletteView;

/**
 * The main window: menus on top, palette left, canvas centre, inspector right, training panel
 * and status bar at the bottom. It builds fresh editor views whenever another project opens.
 */
public final class MainWindow {
    private static final URL STYLESHEET = MainWindow.class.getResource("app.css");
    /** Loads and checks training data off the UI thread; one daemon thread, so it never keeps the app alive. */
    private static final Executor DATA_LOADER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "netwright-data-check");
        t.setDaemon(true);
        return t;
    });

    /** What the canvas says while a run trains the network. */
    static final String TRAINING_LOCK = "Training uses this network as it was when the run started, so editing is "
            + "locked until the run ends. Press Stop to edit now.";

    private final Stage stage;
    private final Workspace workspace;
    private final RunStarter starter;
    private final BorderPane root = new BorderPane();
    private final javafx.scene.layout.StackPane host = new javafx.scene.layout.StackPane(root);
    private final StatusBar status = new StatusBar();
    private final AppMenus menus;
    private final FileActions files;
    /** Mirrors the current run's state, so the File menu can refuse Save As while a run writes the file. */
    private final ReadOnlyBooleanWrapper training = new ReadOnlyBooleanWrapper();
    private TrainingPanel trainingPanel;
    private org.netwright.app.tour.Tour tour;

    public MainWindow(Stage stage, Workspace workspace, RunStarter starter, Path projectsFolder) {
        this.stage = stage;
        this.workspace = workspace;
        this.starter = starter;
        this.files = new FileActions(stage, workspace, projectsFolder,
                () -> trainingPanel == null ? null : trainingPanel.dataRow().model());
        this.menus = new AppMenus(files, workspace, training.getReadOnlyProperty(), this::quit);
        menus.tourWith(this::startTour);
        // The tour waits behind the gallery, not half-seen over the window, and comes back at its step after.
        files.whileGalleryInFront(() -> {
            org.netwright.app.tour.Tour running = tour != null && tour.isOpen() ? tour : null;
            if (running == null) {
                return () -> { };
            }
            running.stepAside();
            return running::comeBack;
        });
        // The window's close button asks like Quit does before an unsaved project is lost.
        stage.setOnCloseRequest(e -> {
            if (!files.confirmClose()) {
                e.consume();
            }
        });
        root.setId("main-window");
        root.setTop(menus.bar());
        // Big enough for the sample network at once, but never larger than the screen.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // In a stack, so the guided tour can lie on top of the window's content.
        Scene scene = new Scene(host, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        scene.getStylesheets().add(STYLESHEET.toExternalForm());
        stage.setScene(scene);
        // The same icon as the installers' menu entry, so the taskbar shows what the menu showed.
        stage.getIcons().add(new javafx.scene.image.Image(
                MainWindow.class.getResource("netwright.png").toExternalForm()));
        stage.setMinWidth(960);
        stage.setMinHeight(640);
        workspace.sessionProperty().addListener((o, was, now) -> show(now));
        show(workspace.session());
    }

    /** While no project is open yet: says that {@code file} is being opened, in place of "No project is open". */
    public void showOpening(Path file) {
        if (workspace.session() == null) {
            Label opening = new Label("Opening " + workspace.label(file) + "…");
            opening.getStyleClass().add("hint");
            root.setCenter(opening);
        }
    }

    /** Help > Tour: starts the guided tour over this window (again, when it runs already, from its first step). */
    public org.netwright.app.tour.Tour startTour() {
        if (tour != null) {
            tour.close();
        }
        tour = org.netwright.app.tour.Tour.start(host, org.netwright.app.tour.GuidedTour.STEPS);
        return tour;
    }

    /** The tour, offered on the first launch only: noted in the user's Netwright folder when it shows. */
    public void offerTourOnce() {
        org.netwright.app.tour.TourMemory memory = new org.netwright.app.tour.TourMemory(workspace.netwrightFolder());
        if (memory.seen() || workspace.session() == null) {
            return;
        }
        memory.markSeen();
        startTour();
    }

    /** The tour running or last run, or null. */
    public org.netwright.app.tour.Tour tour() {
        return tour;
    }

    /** Adds View > Theme, which applies a theme and remembers it in {@code preference}. */
    public void addThemeMenu(org.netwright.app.theme.ThemePreference preference) {
        menus.addToView(new javafx.scene.control.SeparatorMenuItem(),
                org.netwright.app.theme.ThemeMenu.create(preference));
    }

    /** File > Quit: closes the window once nothing unsaved would be lost (see {@link FileActions#confirmClose}). */
    private void quit() {
        if (files.confirmClose()) {
            stage.close();
        }
    }

    /**
     * Replaces the platform's save dialog by {@code dialog} (given the chooser as set up, it answers the file to save
     * to, or empty for Cancel): lets a test drive File > Save and the question on closing without a native dialog.
     */
    public void useSaveDialog(java.util.function.Function<javafx.stage.FileChooser, java.util.Optional<Path>> dialog) {
        files.useSaveDialog(dialog);
    }

    /** The File menu's dialogs, e.g. to open a file given on the command line. */
    FileActions files() {
        return files;
    }

    /** The training panel of the open project, or null when none is open. */
    public TrainingPanel trainingPanel() {
        return trainingPanel;
    }

    /** Keeps the closing project's canvas view now, when it changed less than a second ago (see {@link #show}). */
    private Runnable keepViewNow = () -> { };

    /** Stops a run that is still going; the window is closing. */
    public void dispose() {
        keepViewNow.run();
        keepViewNow = () -> { };
        if (trainingPanel != null) {
            trainingPanel.model().dispose();
            // The options belong to the project that is closing.
            trainingPanel.closeOptions();
        }
    }

    /** The property of a canvas holding what keeps its view at once (see {@link #keepViewOf}). */
    private static final String KEEP_VIEW_NOW = "netwright.keepViewNow";

    /**
     * Shows the view the user left on {@code canvas} (the block at {@code path}; empty: the network) and keeps the
     * view a second after it settles, while the canvas is in the window.
     */
    private void keepViewOf(ProjectSession session, GraphCanvas canvas, java.util.List<String> path) {
        session.view(path).ifPresent(canvas::showHandView);
        javafx.animation.PauseTransition viewSettled = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
        viewSettled.setOnFinished(e -> {
            // Out of the window its view cannot be read (and would read as the fit): it was kept as it left.
            if (workspace.session() == session && canvas.getScene() != null) {
                session.keepView(path, canvas.handView());
            }
        });
        canvas.onViewChanged(viewSettled::playFromStart);
        canvas.getProperties().put(KEEP_VIEW_NOW, (Runnable) () -> {
            if (viewSettled.getStatus() == javafx.animation.Animation.Status.RUNNING) {
                viewSettled.stop();
                session.keepView(path, canvas.handView());
            }
        });
    }

    /** Keeps {@code canvas}'s view now when it changed less than a second ago. */
    private static void keepViewAtOnce(GraphCanvas canvas) {
        if (canvas != null && canvas.getProperties().get(KEEP_VIEW_NOW) instanceof Runnable now) {
            now.run();
        }
    }

    private void show(ProjectSession session) {
        dispose();
        training.unbind();
        training.set(false);
        status.show(session, workspace.isDraft());
        stage.titleProperty().unbind();
        if (session == null) {
            trainingPanel = null;
            menus.follow(null);
            stage.setTitle("Netwright");
            Label none = new Label("No project is open. Use File > New, File > New from Template… or File > Open…");
            none.getStyleClass().add("hint");
            root.setLeft(null);
            root.setRight(null);
            root.setCenter(none);
            root.setBottom(status);
            return;
        }
        EditorModel editor = session.editor();
        // The project's canvas, and those of the blocks opened inside it (double-click or Enter on a block). Each opens
        // as the user left it by hand (zoom and scroll), a block's by its path; one left at Fit, or saved before views
        // were kept, opens fitted.
        LevelsView levels = new LevelsView(editor, (each, path) -> {
            each.minimapShownProperty().bind(menus.minimapShownProperty());
            each.snapToGridProperty().bind(menus.snapToGridProperty());
            keepViewOf(session, each, path);
        });
        // A canvas leaving the window (a block opened over it, or closed) keeps a view it settled on less than a
        // second ago now, while the view can still be read.
        levels.setOnLeaving(MainWindow::keepViewAtOnce);
        GraphCanvas canvas = levels.currentCanvasProperty().get();
        // A project closed (another opened, the app quit) within that second keeps the view too: the old session is
        // still open while the window lets go of it.
        keepViewNow = () -> keepViewAtOnce(levels.currentCanvasProperty().get());
        trainingPanel = trainingPanel(session);
        training.bind(trainingPanel.model().runningProperty());
        // A run trains the graph as it was when it started; edits meanwhile would make the canvas lie about it.
        trainingPanel.model().runningProperty().addListener((o, was, now) -> editor.setLock(now ? TRAINING_LOCK : ""));
        stage.setTitle("Netwright — " + session.projectName() + (workspace.isDraft() ? " (not saved yet)" : ""));
        // View > Model Summary puts the table of layers under the canvas; a click on a row finds the layer there.
        // A GAN's rows come part by part, named after the task's generator and discriminator outputs: the task shown
        // in the training panel, so an edit of the task shows at once.
        SettingsForm shownSettings = trainingPanel.form();
        org.netwright.editor.summary.SummaryView summary = new org.netwright.editor.summary.SummaryView(editor, id -> {
            levels.backTo(0);
            canvas.reveal(id);
        }, javafx.beans.binding.Bindings.createObjectBinding(() -> partNames(shownSettings.settings()),
                shownSettings.settingsProperty()));
        javafx.scene.control.SplitPane centre = new javafx.scene.control.SplitPane(levels);
        centre.setOrientation(javafx.geometry.Orientation.VERTICAL);
        Runnable showSummary = () -> {
            if (menus.summaryShownProperty().get() && !centre.getItems().contains(summary)) {
                centre.getItems().add(summary);
                centre.setDividerPositions(0.68);
            } else if (!menus.summaryShownProperty().get()) {
                centre.getItems().remove(summary);
            }
        };
        showSummary.run();
        javafx.beans.value.ChangeListener<Boolean> follow = (o, was, now) -> showSummary.run();
        menus.summaryShownProperty().addListener(new javafx.beans.value.WeakChangeListener<>(follow));
        centre.getProperties().put("summary-listener", follow);
        root.setCenter(centre);
        // The palette, the inspector and the Edit menu work on the level shown: the network or the block opened.
        showLevel(levels);
        levels.currentModelProperty().addListener((o, was, now) -> showLevel(levels));
        root.setBottom(new VBox(trainingPanel, status));
        // Keyboard shortcuts (Delete, undo) should reach the canvas, not the palette's search box.
        Platform.runLater(canvas::requestFocus);
    }

    /** The task's generator and discriminator outputs named for the model summary; empty when the task has none. */
    static java.util.Map<String, String> partNames(org.netwright.model.settings.TrainingSettings settings) {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        org.netwright.model.task.Task task = settings == null ? null : settings.task();
        if (task != null && task.options() != null) {
            String g = task.options().get("generator");
            String d = task.options().get("discriminator");
            if (g != null) {
                names.put(g, "Generator");
            }
            if (d != null) {
                names.put(d, "Discriminator");
            }
        }
        return names;
    }

    /** Points the palette, the inspector and the Edit menu at the level {@code levels} shows. */
    private void showLevel(LevelsView levels) {
        EditorModel model = levels.currentModelProperty().get();
        GraphCanvas canvas = levels.currentCanvasProperty().get();
        PaletteView palette = new PaletteView(model, canvas::visibleCenter);
        // A search typed before entering or leaving a block still applies: the user is looking for the same layer.
        if (root.getLeft() instanceof PaletteView shown) {
            palette.searchField().setText(shown.searchField().getText());
        }
        InspectorView inspector = new InspectorView(model);
        // The palette's own width: at 220 px its "Attention & Transformers" heading was cut off.
        palette.setPrefWidth(250);
        inspector.setPrefWidth(300);
        root.setLeft(palette);
        root.setRight(inspector);
        menus.follow(model);
        menus.layOutWith(canvas::layOut);
        menus.alignWith(canvas::align);
    }

    /**
     * Reads the last run's curves off the UI thread and shows them when read: a long run holds up to millions of
     * points, and the window should not wait for them. Nothing is shown if another project opened meanwhile.
     */
    private void showLastRun(ProjectSession session, TrainingViewModel model, org.netwright.model.store.RunRecord run) {
        model.showReadingPast();
        // On a connection of its own: the window's store would be held for the whole read, and the window asks it for
        // the project's name and settings while it is built. A resumed run is drawn after the epochs of the run it went
        // on from, as it was while it trained.
        // Most often read already, or being read, since the project's file was chosen (LastRunAhead). The project a
        // launch opened was not read ahead (that read shared the two cores with JavaFX starting and drew the window
        // 0.25 s later): it is read now, beside the building of the project's views. It waited for the layout pass
        // after them until the window's JVM ran on the JIT's quick tier; now that costs the graph little and brings
        // the curves 0.6 s sooner (README "Large graphs").
        readLastRun(session, model, run);
    }

    private void readLastRun(ProjectSession session, TrainingViewModel model, org.netwright.model.store.RunRecord run) {
        if (workspace.session() != session) {
            return;
        }
        session.lastRunAhead().take(run).thenComposeAsync(ahead -> ahead.isPresent()
                        ? java.util.concurrent.CompletableFuture.completedFuture(ahead.get())
                        : java.util.concurrent.CompletableFuture.supplyAsync(() -> pastMetrics(session, run), RUN_READER),
                        RUN_READER)
                .thenApply(stored -> org.netwright.app.training.RunHistory.read(run, stored))
                .whenComplete((events, error) -> Platform.runLater(() -> {
                    if (workspace.session() != session) {
                        return;
                    }
                    if (error != null) {
                        model.showPastUnreadable(String.valueOf(error.getMessage()));
                    } else {
                        model.showReplayed(run, events);
                        // Cards deleted since the run keep no warning (their ids may be reused by new layers).
                        model.keepWarningsOn(session.editor().graph().nodes().keySet());
                    }
                }));
    }

    /**
     * Goes on with stored run {@code runId} as a new run in the training panel (refused there with the reason when it
     * cannot): its checkpoint is judged and its stored epochs up to it are read off the UI thread and drawn first, then
     * the child process trains on from the checkpoint. {@code epochs} above 0 sets how many epochs it trains in all.
     * Returns why it did not start, or empty when it is on its way.
     */
    private Optional<String> resumeRun(ProjectSession session, TrainingViewModel model,
                                       org.netwright.app.runs.StoredRunCheck check, String recipe, long runId,
                                       int epochs) {
        if (model.runningProperty().get()) {
            return Optional.of("A run is going in the training panel; stop it or let it end before resuming run "
                    + runId + ".");
        }
        org.netwright.model.graph.Graph now = session.editor().graph();
        record Prepared(Optional<String> why, java.util.List<org.netwright.model.run.RunEvent> before) {
        }
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            org.netwright.app.runs.StoredRunCheck.Answer answer = check.judge(runId, epochs, now, recipe);
            if (answer.why().isPresent()) {
                return new Prepared(answer.why(), java.util.List.of());
            }
            int complete = answer.epochsComplete();
            // Drawn as a reopened run is: after the epochs of the runs it went on from, if it resumed one itself.
            return new Prepared(Optional.empty(), org.netwright.app.training.RunHistory.replay(answer.run(),
                    pastMetrics(session, answer.run()).upTo(complete)));
        }, RUN_READER).whenComplete((prepared, error) -> Platform.runLater(() -> {
            if (workspace.session() != session) {
                return;
            }
            if (error != null) {
                model.refuse("Could not read run " + runId + ": " + error.getMessage());
            } else if (prepared.why().isPresent()) {
                model.refuse(prepared.why().get());
            } else {
                model.resume(session.file(), runId, epochs, prepared.before());
            }
        }));
        return Optional.empty();
    }

    /** The points of stored run {@code runId} the chart draws, read on a second connection (see showLastRun). */
    private static org.netwright.app.training.RunHistory.Stored pastMetrics(ProjectSession session,
                                                                      org.netwright.model.store.RunRecord run) {
        try (org.netwright.model.store.ProjectStore reader = session.store().readerBeside()) {
            return org.netwright.app.training.RunHistory.withEarlierRuns(run,
                    org.netwright.app.training.RunHistory.Stored.read(reader, run.id()),
                    id -> reader.runs().stream().filter(r -> r.id() == id).findFirst(),
                    id -> org.netwright.app.training.RunHistory.Stored.read(reader, id));
        }
    }

    /** A run's latest checkpoint, read on a connection of its own (a large one would hold the window's store). */
    private static java.util.Optional<byte[]> latestCheckpoint(ProjectSession session, long runId) {
        try (org.netwright.model.store.ProjectStore reader = session.store().readerBeside()) {
            return reader.latestCheckpoint(runId);
        }
    }

    /** Reads stored runs for the window; a daemon, so it never keeps the app alive. */
    private static final Executor RUN_READER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "netwright-run-reader");
        t.setDaemon(true);
        return t;
    });

    private TrainingPanel trainingPanel(ProjectSession session) {
        EditorModel editor = session.editor();
        SettingsForm form = new SettingsForm(session.settings(), session::saveSettings);
        TrainingViewModel model = new TrainingViewModel(starter);
        // Saving under a name opens the project again, with a new panel, so this holds for the panel's life.
        model.setProjectNamed(!workspace.isDraft());
        DataViewModel data = new DataViewModel(form, editor::graph, editor::shapes,
                session.file().toAbsolutePath().getParent(), DATA_LOADER, Platform::runLater);
        data.keptCopiesFrom(hash -> session.store().embeddedData(hash));
        data.describeCurrent();
        // The check and the task follow the network and the settings: an edit that breaks the fit says so at once.
        // On the graph, not the shapes: the editor sets the shapes first, so a shapes listener read the old graph and
        // the check went stale after an edit.
        editor.graphProperty().addListener((o, before, after) -> data.describeCurrent());
        form.settingsProperty().addListener((o, before, after) -> {
            if (before == null || !java.util.Objects.equals(before.data(), after.data())
                    || !java.util.Objects.equals(before.loss(), after.loss())
                    || !java.util.Objects.equals(before.task(), after.task())) {
                data.describeCurrent();
            }
        });
        session.lastRun().ifPresent(run -> showLastRun(session, model, run));
        // The run's words about layers (warnings, where a NaN began) go on their cards in the canvas.
        javafx.beans.binding.Bindings.bindContent(editor.runWarnings(), model.nodeWarnings());
        // A deleted card takes its warning with it; a new layer that reuses its id starts clean.
        editor.graphProperty().addListener((o, before, after) -> model.keepWarningsOn(after.nodes().keySet()));
        StringBinding blocker = Bindings.createStringBinding(
                () -> TrainReadiness.whyNot(editor.graph(), editor.shapes(), form.settings(), data.basisProperty().get())
                        .orElse(data.fitsProperty().get() ? "" : TrainReadiness.DATA_DOES_NOT_FIT),
                editor.graphProperty(), editor.shapesProperty(), form.settingsProperty(), data.basisProperty(),
                data.fitsProperty());
        // The task editor changes a GAN's noise layers as edits of the network, undone like any other.
        data.taskEditor().editNetworkWith(command -> editor.execute(command) ? Optional.empty()
                : Optional.of(editor.messageProperty().get()));
        TrainingOptionsModel options = new TrainingOptionsModel(form, data.samplesProperty());
        TrainingPanel panel = new TrainingPanel(model, form, data, options, blocker, () -> {
            // The child reads the settings from the file; a project that never saved any gets the shown ones.
            session.saveSettings(form.settings());
            model.start(session.file(), form.settings());
        });
        org.netwright.app.runs.RunsViewModel runs = new org.netwright.app.runs.RunsViewModel(session.store()::runs,
                id -> session.store().epochMeans(id, org.netwright.app.runs.RunsViewModel.CURVE_KEYS), id -> {
                    session.store().deleteRun(id);
                    // The training panel may have been showing the deleted run: show the last one left, or none.
                    session.lastRun().ifPresentOrElse(run -> showLastRun(session, model, run), model::forgetPast);
                });
        panel.setLookInside(id -> org.netwright.app.insight.InsightWindow.open(stage, session.file(), id));
        panel.setRunsWindow(() -> new org.netwright.app.runs.RunsWindow(stage, stage.getScene().getStylesheets(), runs));
        // Resume, from the panel after a stop or from the Runs window: a new run from the stored one's checkpoint.
        org.netwright.app.runs.StoredRunCheck resumeCheck = new org.netwright.app.runs.StoredRunCheck(
                session.store()::runs, id -> latestCheckpoint(session, id));
        // The task's recipe now: a GAN goes on only from a checkpoint that kept its discriminator's optimizer state.
        java.util.function.Supplier<String> recipe = () -> {
            org.netwright.app.training.DataCheck.TaskBasis basis = data.basisProperty().get();
            return basis == null || basis.task() == null ? null : basis.task().recipe();
        };
        panel.setResume(id -> resumeRun(session, model, resumeCheck, recipe.get(), id, 0).ifPresent(model::refuse));
        // The panel's Resume is judged before it is clicked (a run stopped before its first checkpoint cannot go on),
        // off the UI thread, and again when the network or the task changes.
        model.judgeResumeWith(id -> {
            org.netwright.model.graph.Graph now = editor.graph();
            String recipeNow = recipe.get();
            return () -> resumeCheck.judge(id, 0, now, recipeNow).why();
        }, RUN_READER, Platform::runLater);
        editor.graphProperty().addListener((o, before, after) -> model.rejudgeResume());
        data.basisProperty().addListener((o, before, after) -> model.rejudgeResume());
        // A failed run's red sentence goes once what it trained on changes: it may name a cause that is fixed now.
        editor.graphProperty().addListener((o, before, after) -> model.inputsChanged());
        form.settingsProperty().addListener((o, before, after) -> model.inputsChanged());
        runs.allowResume(id -> latestCheckpoint(session, id), editor::graph,
                (id, epochs) -> resumeRun(session, model, resumeCheck, recipe.get(), id, epochs));
        runs.resumeAs(recipe);
        // A large model's checkpoint is megabytes: read it beside the window, not in it.
        runs.readCheckpointsWith(RUN_READER, Platform::runLater);
        // A failed or interrupted run's figures are an aggregate over its metrics: read them beside the window too.
        runs.readRunsWith(RUN_READER, Platform::runLater, id -> {
            try (org.netwright.model.store.ProjectStore reader = session.store().readerBeside()) {
                return reader.epochMeans(id, org.netwright.app.runs.RunsViewModel.CURVE_KEYS);
            }
        });
        Runnable overfit = check(session, form, org.netwright.app.check.CheckViewModel.Kind.OVERFIT);
        Runnable rate = check(session, form, org.netwright.app.check.CheckViewModel.Kind.RATE);
        panel.setChecks(overfit, rate);
        menus.setChecks(overfit, rate);
        // A run that ends shows up in an open Runs window.
        model.runningProperty().addListener((o, was, now) -> {
            if (!now && panel.runsWindow() != null && panel.runsWindow().isShowing()) {
                runs.refresh();
            }
        });
        return panel;
    }

    /**
     * Opens one quick check of the session's project (the same window on later clicks); it saves the shown settings
     * first, runs in a child JVM, and sets a suggested rate through the settings form.
     */
    private Runnable check(ProjectSession session, SettingsForm form, org.netwright.app.check.CheckViewModel.Kind kind) {
        org.netwright.app.check.CheckWindow[] window = new org.netwright.app.check.CheckWindow[1];
        return () -> {
            if (window[0] == null) {
                window[0] = new org.netwright.app.check.CheckWindow(stage, stage.getScene().getStylesheets(),
                        new org.netwright.app.check.CheckViewModel(kind, session::file,
                                () -> session.saveSettings(form.settings()),
                                org.netwright.app.exchange.CliJob::start, Platform::runLater, form::setLearningRate));
            }
            window[0].open();
        };
    }
}
