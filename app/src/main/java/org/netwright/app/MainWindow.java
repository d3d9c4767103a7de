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
    private final StatusBar status = new StatusBar();
    private final AppMenus menus;
    private final FileActions files;
    /** Mirrors the current run's state, so the File menu can refuse Save As while a run writes the file. */
    private final ReadOnlyBooleanWrapper training = new ReadOnlyBooleanWrapper();
    private TrainingPanel trainingPanel;

    public MainWindow(Stage stage, Workspace workspace, RunStarter starter, Path projectsFolder) {
        this.stage = stage;
        this.workspace = workspace;
        this.starter = starter;
        this.files = new FileActions(stage, workspace, projectsFolder,
                () -> trainingPanel == null ? null : trainingPanel.dataRow().model());
        this.menus = new AppMenus(files, workspace, training.getReadOnlyProperty(), stage::close);
        root.setId("main-window");
        root.setTop(menus.bar());
        // Big enough for the sample network at once, but never larger than the screen.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
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

    /** The File menu's dialogs, e.g. to open a file given on the command line. */
    FileActions files() {
        return files;
    }

    /** The training panel of the open project, or null when none is open. */
    public TrainingPanel trainingPanel() {
        return trainingPanel;
    }

    /** Stops a run that is still going; the window is closing. */
    public void dispose() {
        if (trainingPanel != null) {
            trainingPanel.model().dispose();
            // The options belong to the project that is closing.
            trainingPanel.closeOptions();
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
            Label none = new Label("No project is open. Use File > New from Template… or File > Open…");
            none.getStyleClass().add("hint");
            root.setLeft(null);
            root.setRight(null);
            root.setCenter(none);
            root.setBottom(status);
            return;
        }
        EditorModel editor = session.editor();
        GraphCanvas canvas = new GraphCanvas(editor);
        PaletteView palette = new PaletteView(editor, canvas::visibleCenter);
        InspectorView inspector = new InspectorView(editor);
        trainingPanel = trainingPanel(session);
        training.bind(trainingPanel.model().runningProperty());
        // A run trains the graph as it was when it started; edits meanwhile would make the canvas lie about it.
        trainingPanel.model().runningProperty().addListener((o, was, now) -> editor.setLock(now ? TRAINING_LOCK : ""));
        menus.follow(editor);
        menus.layOutWith(canvas::layOut);
        stage.setTitle("Netwright — " + session.projectName() + (workspace.isDraft() ? " (not saved yet)" : ""));

        // The palette's own width: at 220 px its "Attention & Transformers" heading was cut off.
        palette.setPrefWidth(250);
        inspector.setPrefWidth(300);
        root.setLeft(palette);
        canvas.minimapShownProperty().bind(menus.minimapShownProperty());
        canvas.snapToGridProperty().bind(menus.snapToGridProperty());
        menus.alignWith(canvas::align);
        // View > Model Summary puts the table of layers under the canvas; a click on a row finds the layer there.
        org.netwright.editor.summary.SummaryView summary = new org.netwright.editor.summary.SummaryView(editor,
                canvas::reveal);
        javafx.scene.control.SplitPane centre = new javafx.scene.control.SplitPane(canvas);
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
        root.setRight(inspector);
        root.setBottom(new VBox(trainingPanel, status));
        // Keyboard shortcuts (Delete, undo) should reach the canvas, not the palette's search box.
        Platform.runLater(canvas::requestFocus);
    }

    private TrainingPanel trainingPanel(ProjectSession session) {
        EditorModel editor = session.editor();
        SettingsForm form = new SettingsForm(session.settings(), session::saveSettings);
        TrainingViewModel model = new TrainingViewModel(starter);
        DataViewModel data = new DataViewModel(form, editor::graph, editor::shapes,
                session.file().toAbsolutePath().getParent(), DATA_LOADER, Platform::runLater);
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
        session.lastRun().ifPresent(run -> model.showPast(run, session.store().metrics(run.id())));
        // The run's words about layers (warnings, where a NaN began) go on their cards in the canvas.
        javafx.beans.binding.Bindings.bindContent(editor.runWarnings(), model.nodeWarnings());
        StringBinding blocker = Bindings.createStringBinding(
                () -> TrainReadiness.whyNot(editor.graph(), editor.shapes(), form.settings(), data.basisProperty().get())
                        .orElse(""),
                editor.graphProperty(), editor.shapesProperty(), form.settingsProperty(), data.basisProperty());
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
                session.store()::metrics);
        panel.setRunsWindow(() -> new org.netwright.app.runs.RunsWindow(stage, stage.getScene().getStylesheets(), runs));
        // A run that ends shows up in an open Runs window.
        model.runningProperty().addListener((o, was, now) -> {
            if (!now && panel.runsWindow() != null && panel.runsWindow().isShowing()) {
                runs.refresh();
            }
        });
        return panel;
    }
}
