package org.netwright.app.ui;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.training.RunStarter;
import org.netwright.model.store.ProjectStore;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The training child is killed with SIGKILL mid-run: the panel says so and the editor keeps working. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class CrashUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;

    @Start
    void start(Stage stage) {
        Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        // Many epochs, so the run is surely still going when it is killed.
        app = AppWindowFixture.open(stage, dir, moons.graph(), moons.settings().withEpochs(500), RunStarter.childJvm());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aKilledRunIsReportedAndTheEditorStillEdits(FxRobot robot) {
        robot.clickOn("#train-button");
        AppWindowFixture.waitUntil("the run trains", 60, () -> app.window.trainingPanel().trainLossPointCount() > 0);

        ProcessHandle child = trainingChild().orElseThrow(() -> new AssertionError("no training child process"));
        assertTrue(child.destroyForcibly());

        AppWindowFixture.waitUntil("the panel notices", 20, () -> !app.window.trainingPanel().model().runningProperty().get());
        Label status = robot.lookup("#run-status").queryAs(Label.class);
        assertTrue(status.getText().startsWith("The run crashed (exit code 137): "), status.getText());
        assertTrue(status.getStyleClass().contains("error"));
        assertFalse(robot.lookup("#train-button").queryAs(Button.class).isDisabled(), "Train is available again");

        // Search first: the palette is longer than the test screen, and a user looking for one layer would.
        robot.clickOn("#palette-search").write("relu");
        robot.drag("#palette-relu").dropTo("#graph-canvas");
        AppWindowFixture.waitUntil("the edit lands", 5,
                () -> app.workspace.session().editor().graph().node("relu_3").isPresent());
        app.workspace.session().flush();
        try (ProjectStore store = ProjectStore.open(app.file)) {
            assertTrue(store.loadGraph().node("relu_3").isPresent(), "the edit after the crash was saved");
            assertEquals(1, store.runs().size());
        }
    }

    /** The child JVM: the only child process this test starts (its arguments are not always readable from /proc). */
    private static Optional<ProcessHandle> trainingChild() {
        List<ProcessHandle> children = ProcessHandle.current().children().filter(ProcessHandle::isAlive).toList();
        assertEquals(1, children.size(), () -> "child processes: " + children.stream().map(c -> c.info().toString()).toList());
        return children.stream().findFirst();
    }
}
