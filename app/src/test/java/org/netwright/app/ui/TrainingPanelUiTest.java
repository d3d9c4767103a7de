package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.training.RunStarter;
import org.netwright.app.training.TrainingViewModel;
import org.netwright.model.json.SettingsJson;
import org.netwright.model.run.FinalMetrics;
import org.netwright.model.run.RunEvent;
import org.netwright.model.store.ProjectStore;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The training panel in a 1600x1000 window: the loss chart is tall enough to read, and a run stopped before its first
 * checkpoint leaves Resume off with the reason shown (it was on, and refused only when clicked).
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class TrainingPanelUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;

    /** A child that is stopped inside its first epoch: it is recorded as stopped, with no checkpoint. */
    private static RunStarter stoppedEarly() {
        return (project, settings, sink) -> {
            try (ProjectStore store = ProjectStore.open(project)) {
                long id = store.startRun(SettingsJson.write(settings), "cpu");
                store.finishRun(id, "stopped", "{\"epochs\":0}");
            }
            List<RunEvent> events = List.of(new RunEvent.Started(1, "cpu", 5, 10),
                    new RunEvent.Step(1, 1, 0.9, 0.01, 1),
                    new RunEvent.Finished("stopped", new FinalMetrics(0.9, Map.of(), "last", "cpu", 0, 1)));
            return AppWindowFixture.childPrinting(events, sink);
        };
    }

    @Start
    void start(Stage stage) {
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        app = AppWindowFixture.open(stage, dir, t.graph(), t.settings(), stoppedEarly());
        stage.setWidth(1600);
        stage.setHeight(1000);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theLossChartIsReadableAndResumeSaysWhyItIsOff(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TabPane views = robot.lookup("#training-views").queryAs(TabPane.class);
        Region chart = (Region) views.getTabs().get(0).getContent();
        // It was about 150 px at this size.
        assertTrue(chart.getHeight() >= 210, "the loss chart is " + chart.getHeight() + " px tall");
        Region canvas = robot.lookup("#graph-canvas").queryAs(Region.class);
        assertTrue(canvas.getHeight() >= 400, "the canvas keeps " + canvas.getHeight() + " px");

        TrainingViewModel model = app.window.trainingPanel().model();
        Button resume = robot.lookup("#resume-button").queryAs(Button.class);
        Label reason = robot.lookup("#resume-reason").queryAs(Label.class);
        assertTrue(resume.isDisabled());
        assertFalse(reason.isVisible(), "nothing to say before a run");
        robot.clickOn("#train-button");
        AppWindowFixture.waitUntil("the run to stop", 30, () -> !model.runningProperty().get()
                && model.statusProperty().get().startsWith("Stopped"));
        AppWindowFixture.waitUntil("Resume judged", 30,
                () -> reason.getText().startsWith("Run 1 kept no checkpoint"));
        assertEquals(1, model.resumableRunProperty().get());
        assertTrue(resume.isDisabled(), "a run without a checkpoint cannot go on");
        assertTrue(reason.isVisible());
    }
}
