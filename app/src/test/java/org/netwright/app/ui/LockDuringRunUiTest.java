package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.training.RunProcess;
import org.netwright.editor.EditorModel;
import org.netwright.model.graph.Graph;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * While a run trains the network the canvas refuses edits and says why; once the run is stopped editing works again.
 * The run is a small child process that speaks the runner's event protocol and waits for "stop", so no training
 * happens and the test takes seconds.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class LockDuringRunUiTest {
    private static final String FAKE_RUN = "echo '{\"type\":\"started\",\"run_id\":1,\"device\":\"cpu\",\"epochs\":3,"
            + "\"steps_per_epoch\":2}'; read line; echo '{\"type\":\"finished\",\"status\":\"stopped\",\"final\":{}}'";
    @TempDir
    Path dir;
    private AppWindowFixture app;

    @Start
    void start(Stage stage) {
        Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        app = AppWindowFixture.open(stage, dir, moons.graph(), moons.settings(),
                (project, settings, events) -> RunProcess.start(List.of("bash", "-c", FAKE_RUN), events));
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void editsAreRefusedWithTheReasonWhileARunTrainsAndWorkAfterStop(FxRobot robot) {
        EditorModel editor = app.workspace.session().editor();
        Graph before = editor.graph();
        robot.clickOn("#train-button");
        AppWindowFixture.waitUntil("the run to start", 20, editor::isLocked);

        robot.clickOn("#node-dense_1");
        robot.type(KeyCode.DELETE);
        AppWindowFixture.waitUntil("the refusal", 5, () -> robot.lookup("#canvas-banner").queryAs(Label.class).isVisible());
        assertEquals(before, editor.graph(), "a node was deleted while the run trained it");
        assertTrue(robot.lookup("#canvas-banner").queryAs(Label.class).getText().contains("editing is locked"));

        robot.clickOn("#stop-button");
        AppWindowFixture.waitUntil("the run to end", 20, () -> !editor.isLocked());
        robot.clickOn("#node-dense_1");
        robot.type(KeyCode.DELETE);
        AppWindowFixture.waitUntil("the delete", 5, () -> editor.graph().node("dense_1").isEmpty());
    }
}
