package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.project.Workspace;
import org.netwright.model.command.RemoveNodes;
import org.netwright.model.store.ProjectStore;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Leaving a project never saved under a name for another one (File > New, Open Recent) asks the question Quit asks:
 * Cancel stays, Don't Save deletes it once the other project is open, Save… names it first; a saved project is left
 * without a question.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class LeaveUnsavedUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;
    private final Template lenet = TemplateLibrary.find("lenet5").orElseThrow();

    @Start
    void start(Stage stage) {
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

    /** A template opened from the gallery and edited: one layer deleted, as a user would. */
    private Path editedDraft(FxRobot robot) {
        robot.interact(() -> {
            app.workspace.createDraft(lenet).ifPresent(why -> {
                throw new AssertionError(why);
            });
            var editor = app.workspace.session().editor();
            String layer = editor.graph().topologicalOrder().get(editor.graph().topologicalOrder().size() - 1);
            editor.execute(RemoveNodes.of(editor.graph(), java.util.List.of(layer)));
        });
        assertTrue(app.workspace.isDraft());
        return app.workspace.session().file();
    }

    private void pressNew(FxRobot robot) {
        robot.clickOn("#main-window");
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlNOnANewProjectAsksCancelStaysDontSaveDeletesItOnceTheNewOneIsOpen(FxRobot robot) {
        Path draft = editedDraft(robot);

        pressNew(robot);
        assertTrue(robot.lookup("#unsaved-dialog").tryQuery().isPresent(), "Ctrl+N left the new project without asking");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(draft, app.workspace.session().file(), "Cancel left the project");
        assertTrue(Files.exists(draft), "Cancel lost the new project");

        pressNew(robot);
        robot.clickOn("Don't Save");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Workspace.EMPTY_PROJECT_NAME, app.workspace.session().projectName(), "New did not open");
        assertFalse(Files.exists(draft), "Don't Save kept the project");
        assertFalse(app.workspace.recentFiles().contains(draft), "Open Recent still lists the deleted project");
    }

    @Test
    void openRecentFromANewProjectAsksAndSaveNamesItBeforeOpening(FxRobot robot) {
        editedDraft(robot);
        Path target = dir.resolve("my lenet.nwproj");
        robot.interact(() -> app.window.useSaveDialog(chooser -> Optional.of(target)));

        robot.clickOn("File").clickOn("#menu-recent").clickOn(app.workspace.listLabel(app.file));
        assertTrue(robot.lookup("#unsaved-dialog").tryQuery().isPresent(), "Open Recent left without asking");
        robot.clickOn("Save\u2026");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(app.file.toAbsolutePath(), app.workspace.session().file(), "the chosen project did not open");
        try (ProjectStore saved = ProjectStore.open(target)) {
            assertEquals(lenet.graph().nodes().size() - 1, saved.loadGraph().nodes().size(),
                    "the saved project lacks the edit");
        }
    }

    @Test
    void aSavedProjectIsLeftWithoutAsking(FxRobot robot) {
        pressNew(robot);
        assertFalse(robot.lookup("#unsaved-dialog").tryQuery().isPresent(), "asked about a saved project");
        assertEquals(Workspace.EMPTY_PROJECT_NAME, app.workspace.session().projectName());
        assertTrue(Files.exists(app.file));
    }

    /** File > New twice: the first, untouched, holds nothing, so it is left without a question and its file goes. */
    @Test
    void anUntouchedNewProjectIsLeftWithoutAskingAndItsFileGoes(FxRobot robot) {
        pressNew(robot);
        Path first = app.workspace.session().file();
        assertTrue(app.workspace.isDraft() && app.workspace.isEmptyDraft());
        pressNew(robot);
        assertFalse(robot.lookup("#unsaved-dialog").tryQuery().isPresent(), "asked about an empty new project");
        assertEquals(Workspace.EMPTY_PROJECT_NAME, app.workspace.session().projectName());
        assertTrue(!app.workspace.session().file().equals(first), "New did not open another project");
        assertFalse(Files.exists(first), "the empty new project's file was kept");
        assertFalse(app.workspace.recentFiles().contains(first), "Open Recent still lists the empty new project");
    }
}
