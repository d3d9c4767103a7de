package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.project.TemplateLayouts;
import org.netwright.model.graph.Graph;
import org.netwright.model.store.ProjectStore;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Quit and the window's close button ask before a project never saved under a name is lost: Cancel keeps the window
 * and the project, Save writes it where the user says and then closes, Don't Save deletes it and closes; a saved
 * project closes without asking.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class QuitUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;
    private Stage stage;
    private final Template lenet = TemplateLibrary.find("lenet5").orElseThrow();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // The closed window must not end the toolkit the other tests share.
        Platform.setImplicitExit(false);
        Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        app = AppWindowFixture.open(stage, dir, moons.graph(), moons.settings(), (p, s, e) -> {
            throw new AssertionError("no training in this test");
        });
    }

    @AfterEach
    void close() {
        app.close();
    }

    private Path openDraft(FxRobot robot) {
        robot.interact(() -> app.workspace.createDraft(lenet).ifPresent(why -> {
            throw new AssertionError(why);
        }));
        assertTrue(app.workspace.isDraft());
        return app.workspace.session().file();
    }

    @Test
    void quitWithANewProjectAsksAndCancelKeepsItThenSaveWritesItAndCloses(FxRobot robot) {
        Path draft = openDraft(robot);
        Path target = dir.resolve("my lenet.nwproj");
        robot.interact(() -> app.window.useSaveDialog(chooser -> Optional.of(target)));

        robot.clickOn("File").clickOn("#menu-quit");
        assertTrue(robot.lookup("#unsaved-dialog").tryQuery().isPresent(), "Quit did not ask about the new project");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing(), "Cancel closed the window");
        assertTrue(app.workspace.isDraft() && Files.exists(draft), "Cancel lost the new project");

        robot.clickOn("File").clickOn("#menu-quit");
        robot.clickOn("Save\u2026");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isShowing(), "the window stayed open after saving");
        assertFalse(Files.exists(draft), "the unsaved copy was left behind");
        app.close();
        try (ProjectStore saved = ProjectStore.open(target)) {
            Graph expected = TemplateLayouts.laidOut(lenet);
            assertEquals(expected, saved.loadGraph(), "the saved project is not the one on screen");
        }
    }

    @Test
    void closingTheWindowOnANewProjectAsksAndDontSaveDeletesIt(FxRobot robot) {
        Path draft = openDraft(robot);
        // The window manager's close button.
        Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        AppWindowFixture.waitUntil("the question", 10, () -> robot.lookup("#unsaved-dialog").tryQuery().isPresent());
        robot.clickOn("Don't Save");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(Files.exists(draft), "Don't Save kept the unsaved project");
    }

    @Test
    void aSavedProjectClosesWithoutAsking(FxRobot robot) {
        assertFalse(app.workspace.isDraft());
        robot.clickOn("File").clickOn("#menu-quit");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#unsaved-dialog").tryQuery().isPresent(), "asked about a saved project");
        assertFalse(stage.isShowing());
        assertTrue(Files.exists(app.file));
    }
}
