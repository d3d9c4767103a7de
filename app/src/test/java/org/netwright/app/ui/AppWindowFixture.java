package org.netwright.app.ui;

import org.junit.jupiter.api.Tag;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.netwright.app.MainWindow;
import org.netwright.app.project.RecentProjects;
import org.netwright.app.project.Workspace;
import org.netwright.app.training.RunStarter;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.store.ProjectStore;
import org.testfx.util.WaitForAsyncUtils;

/** A project file in a temporary folder and the app's window opened on it, sized to the headless screen. */
@Tag("ui")
final class AppWindowFixture {
    final Path file;
    final Workspace workspace;
    final MainWindow window;

    private AppWindowFixture(Path file, Workspace workspace, MainWindow window) {
        this.file = file;
        this.workspace = workspace;
        this.window = window;
    }

    /** Writes the project, then opens the window on it; call from a TestFX {@code @Start} method. */
    static AppWindowFixture open(Stage stage, Path dir, Graph graph, TrainingSettings settings, RunStarter starter) {
        Path file = dir.resolve("test.nwproj");
        try (ProjectStore store = ProjectStore.create(file)) {
            store.saveGraph(graph, "test setup");
            store.saveSettings(settings);
        }
        Workspace workspace = new Workspace(RecentProjects.inHome(dir));
        workspace.open(file).ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        MainWindow window = new MainWindow(stage, workspace, starter, dir);
        // Monocle's headless screen is 1280×800; everything the robot touches must lie on it.
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        return new AppWindowFixture(file, workspace, window);
    }

    /** Stops a run still going and closes the project, on the FX thread. */
    void close() {
        WaitForAsyncUtils.asyncFx(() -> {
            window.dispose();
            workspace.close();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A child process that prints {@code events} as a run's child would, one JSON line each, then ends: what a run
     * shows in the window, without training.
     */
    static org.netwright.app.training.RunProcess childPrinting(java.util.List<org.netwright.model.run.RunEvent> events,
                                                                 java.util.function.Consumer<org.netwright.model.run.RunEvent> sink)
            throws java.io.IOException {
        StringBuilder script = new StringBuilder();
        for (org.netwright.model.run.RunEvent e : events) {
            script.append("echo '").append(org.netwright.model.run.RunEventJson.line(e)).append("'; ");
        }
        return org.netwright.app.training.RunProcess.start(java.util.List.of("sh", "-c", script.toString()), sink);
    }

    /** A run starter whose runs print {@code events} ({@link #childPrinting}). */
    static org.netwright.app.training.RunStarter printing(java.util.List<org.netwright.model.run.RunEvent> events) {
        return (project, settings, sink) -> childPrinting(events, sink);
    }

    /**
     * Scrolls the scroll pane around {@code node} so that it shows whole, as a user would before clicking it (a robot's
     * click on a node outside the pane's view lands on whatever is drawn there). Call on the FX thread.
     */
    static void scrollIntoView(javafx.scene.Node node) {
        for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane pane && pane.getContent() != null) {
                javafx.geometry.Bounds b = pane.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double view = pane.getViewportBounds().getHeight();
                double free = pane.getContent().getLayoutBounds().getHeight() - view;
                if (free > 0) {
                    double top = pane.getVvalue() * free;
                    if (b.getMaxY() > top + view) {
                        pane.setVvalue(Math.min(1, (b.getMaxY() - view) / free));
                    } else if (b.getMinY() < top) {
                        pane.setVvalue(Math.max(0, b.getMinY() / free));
                    }
                    pane.layout();
                }
                return;
            }
        }
    }

    static void waitUntil(String what, int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Timed out after " + seconds + " s waiting until " + what, e);
        }
    }

    /** True when a label shows its whole text, not a shortened "Desc…" (read from the text node its skin draws). */
    static boolean shownWhole(javafx.scene.control.Labeled label) {
        javafx.scene.Node drawn = label.lookup(".text");
        return drawn instanceof javafx.scene.text.Text text && label.getText().equals(text.getText());
    }

    /**
     * Fails unless the combo box shows its chosen text whole and clear of its arrow (the text's right edge left of
     * the arrow button's left edge).
     */
    static void assertTextClearOfArrow(javafx.scene.control.ComboBox<?> box) {
        // The cell that shows the choice is the combo box's own child (a lookup can find the popup list's cells).
        javafx.scene.control.ListCell<?> cell = (javafx.scene.control.ListCell<?>) box.getChildrenUnmodifiable()
                .stream().filter(n -> n instanceof javafx.scene.control.ListCell<?>).findFirst().orElseThrow();
        javafx.scene.Node arrow = box.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass()
                .contains("arrow-button")).findFirst().orElseThrow();
        javafx.scene.text.Text text = (javafx.scene.text.Text) cell.lookup(".text");
        String id = box.getId();
        if (text == null || cell.getText() == null || cell.getText().isEmpty()) {
            throw new AssertionError(id + " shows no text: value " + box.getValue() + ", cell '" + cell.getText()
                    + "' (" + cell + "), text node " + text);
        }
        if (!text.getText().equals(cell.getText())) {
            throw new AssertionError(id + " cuts '" + cell.getText() + "' to '" + text.getText() + "'");
        }
        double right = text.localToScene(text.getBoundsInLocal()).getMaxX();
        double arrowLeft = arrow.localToScene(arrow.getBoundsInLocal()).getMinX();
        if (right > arrowLeft + 0.5) {
            throw new AssertionError(id + "'s text '" + cell.getText() + "' runs under its arrow: text ends at "
                    + right + ", the arrow starts at " + arrowLeft);
        }
    }

    /**
     * Saves {@code stage}'s scene as {@code name} in the folder {@code netwright.screenshots} names (nothing without
     * it), taken at the README's 1600x1000 and the stage put back to its size afterwards.
     */
    static void screenshot(org.testfx.api.FxRobot robot, Stage stage, String name) throws java.io.IOException {
        String to = System.getProperty("netwright.screenshots");
        if (to == null) {
            return;
        }
        double w = stage.getWidth();
        double h = stage.getHeight();
        robot.interact(() -> {
            stage.setWidth(1600);
            stage.setHeight(1000);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = stage.getScene().snapshot(null));
        java.nio.file.Files.createDirectories(Path.of(to));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot[0], null), "png",
                Path.of(to, name).toFile());
        robot.interact(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
