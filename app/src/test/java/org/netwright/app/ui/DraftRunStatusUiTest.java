package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.training.RunStarter;
import org.netwright.model.run.FinalMetrics;
import org.netwright.model.run.RunEvent;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A run trained in a project opened from the gallery, not saved under a name yet, does not end with "The run is saved
 * in the project" (found under Xvfb: the status bar said "not saved under a name yet" below it, and quitting warns).
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class DraftRunStatusUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;

    /** A child that prints a one-epoch run that completes. */
    private static RunStarter scripted() {
        List<RunEvent> events = List.of(new RunEvent.Started(1, "cpu", 1, 1),
                new RunEvent.Step(1, 1, 0.7, 0.01, 0.1), new RunEvent.Epoch(1, 0.7, 0.7, Map.of(), 0.01, 0.2, 0.2),
                new RunEvent.Finished("completed", new FinalMetrics(0.7, Map.of(), "last", "cpu", 1, 1)));
        return AppWindowFixture.printing(events);
    }

    @Start
    void start(Stage stage) {
        Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        app = AppWindowFixture.open(stage, dir, moons.graph(), moons.settings(), scripted());
    }

    @AfterEach
    void close() {
        app.close();
    }

    private String trainAndReadStatus(FxRobot robot) {
        robot.clickOn("#train-button");
        AppWindowFixture.waitUntil("the run ends", 30,
                () -> app.window.trainingPanel().model().statusProperty().get().startsWith("Finished"));
        return robot.lookup("#run-status").queryAs(Label.class).getText();
    }

    @Test
    void aRunInAProjectNotSavedYetSaysHowToKeepIt(FxRobot robot) {
        robot.clickOn("File").clickOn("#menu-new");
        AppWindowFixture.waitUntil("the gallery", 20, () -> robot.lookup("#template-two-moons-mlp").tryQuery().isPresent());
        robot.clickOn("#template-two-moons-mlp");
        robot.clickOn("Open");
        AppWindowFixture.waitUntil("the template to open", 20, () -> app.workspace.isDraft());

        String status = trainAndReadStatus(robot);

        assertEquals("Finished 1 epoch. The project is not saved under a name yet: File > Save\u2026 keeps the run"
                + " with it.", status);
    }

    @Test
    void aRunInASavedProjectSaysItIsSaved(FxRobot robot) {
        String status = trainAndReadStatus(robot);

        assertTrue(status.endsWith("The run is saved in the project."), status);
    }
}
