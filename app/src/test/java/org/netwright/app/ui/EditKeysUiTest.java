package org.netwright.app.ui;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.training.RunStarter;
import org.netwright.editor.EditorModel;
import org.netwright.model.graph.Graph;
import org.netwright.model.store.ProjectStore;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Ctrl+Z and Ctrl+Shift+Z are bound both by the canvas and by the Edit menu: one key press must be one step. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class EditKeysUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;
    private final Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();

    @Start
    void start(Stage stage) {
        app = AppWindowFixture.open(stage, dir, moons.graph(), moons.settings(),
                (p, s, e) -> {
                    throw new AssertionError("no training in this test");
                });
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void undoAndRedoKeysTakeOneStepEachAndAreSaved(FxRobot robot) {
        EditorModel editor = app.workspace.session().editor();
        robot.interact(() -> {
            editor.addLayer("dense", 300, 420);
            editor.addLayer("relu", 520, 420);
        });
        Graph twoAdded = editor.graph();

        robot.clickOn("#graph-canvas");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        AppWindowFixture.waitUntil("one undo", 5, () -> editor.graph().node("relu_3").isEmpty());
        assertTrue(editor.graph().node("dense_4").isPresent(), "Ctrl+Z undid more than one edit");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        AppWindowFixture.waitUntil("one redo", 5, () -> editor.graph().equals(twoAdded));
        assertTrue(editor.canUndoProperty().get());

        app.workspace.session().flush();
        try (ProjectStore store = ProjectStore.open(app.file)) {
            assertEquals(twoAdded, store.loadGraph());
        }
    }
}
