package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.editor.canvas.GraphCanvas;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.store.SavedView;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A zoom and scroll set by hand come back when the project is opened again; a view left at Fit opens fitted. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class CanvasViewUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;

    @Start
    void start(Stage stage) {
        Template lenet = TemplateLibrary.find("lenet5").orElseThrow();
        app = AppWindowFixture.open(stage, dir, lenet.graph(), lenet.settings(), (p, s, e) -> {
            throw new AssertionError("no training in this test");
        });
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aHandMadeViewIsKeptWithTheProjectAndFitIsNot(FxRobot robot) {
        GraphCanvas first = canvas(robot);
        AppWindowFixture.waitUntil("the first fit", 10, () -> first.zoomProperty().get() < 1.0);
        double fitted = first.zoomProperty().get();
        assertEquals(Optional.empty(), first.handView(), "a fitted view is nobody's hand-made one");

        robot.interact(() -> {
            first.setZoom(1.5);
            first.centerOn(400, 300);
        });
        SavedView made = first.handView().orElseThrow();
        assertEquals(1.5, made.zoom(), 1e-9);
        AppWindowFixture.waitUntil("the view is kept", 10, () -> kept().isPresent());
        assertEquals(made, kept().orElseThrow());

        reopen();
        GraphCanvas second = canvas(robot);
        assertTrue(second != first, "a new canvas for the reopened project");
        AppWindowFixture.waitUntil("the kept view is shown", 10, () -> second.handView().isPresent());
        SavedView shown = second.handView().orElseThrow();
        assertEquals(1.5, shown.zoom(), 1e-9);
        assertEquals(made.centerX(), shown.centerX(), 2.0);
        assertEquals(made.centerY(), shown.centerY(), 2.0);

        robot.interact(second::fitToView);
        AppWindowFixture.waitUntil("the fit forgets the view", 10, () -> kept().isEmpty());
        reopen();
        GraphCanvas third = canvas(robot);
        AppWindowFixture.waitUntil("the reopened project fits", 10,
                () -> Math.abs(third.zoomProperty().get() - fitted) < 0.02);
        assertEquals(Optional.empty(), third.handView());
    }

    @Test
    void aViewChangedJustBeforeTheProjectClosesIsKept(FxRobot robot) {
        GraphCanvas first = canvas(robot);
        AppWindowFixture.waitUntil("the first fit", 10, () -> first.zoomProperty().get() < 1.0);
        // Zoomed and closed in one go: well within the second the window waits for a view to settle.
        WaitForAsyncUtils.asyncFx(() -> {
            first.setZoom(1.25);
            first.centerOn(300, 200);
            app.workspace.close();
            app.workspace.open(app.file);
        });
        WaitForAsyncUtils.waitForFxEvents();
        GraphCanvas second = canvas(robot);
        AppWindowFixture.waitUntil("the kept view is shown", 10, () -> second.handView().isPresent());
        assertEquals(1.25, second.handView().orElseThrow().zoom(), 1e-9);
    }

    private static GraphCanvas canvas(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#graph-canvas").queryAs(GraphCanvas.class);
    }

    /** The view the project file holds, read beside the open window. */
    private Optional<SavedView> kept() {
        try (ProjectStore reader = app.workspace.session().store().readerBeside()) {
            return reader.loadView();
        }
    }

    private void reopen() {
        WaitForAsyncUtils.asyncFx(() -> {
            app.workspace.close();
            app.workspace.open(app.file);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
