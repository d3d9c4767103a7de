package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.runs.RunsWindow;
import org.netwright.app.training.RunStarter;
import org.netwright.app.training.TrainingViewModel;
import org.netwright.model.run.RunSummary;
import org.netwright.runner.checkpoint.ResumePoint;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real two-moons run in a child JVM is stopped after its first epoch, then Resume in the training panel goes on
 * from the checkpoint as a new run: the chart keeps the stored epochs and adds the new ones after them, the run
 * finishes all its epochs, and the Runs window lists it completed, counting on, from the first run.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ResumeUiTest {
    private static final int EPOCHS = 6;
    @TempDir
    Path dir;
    private AppWindowFixture app;

    @Start
    void start(Stage stage) {
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        // Small batches: many steps an epoch, so the stop lands early, usually inside epoch 2.
        app = AppWindowFixture.open(stage, dir, t.graph(), t.settings().withEpochs(EPOCHS).withBatchSize(4),
                RunStarter.childJvm());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aStoppedRunGoesOnFromItsCheckpointAndFinishes(FxRobot robot) throws Exception {
        TrainingViewModel model = app.window.trainingPanel().model();
        Button resume = robot.lookup("#resume-button").queryAs(Button.class);
        assertTrue(resume.isDisabled(), "nothing to resume before a run");
        robot.clickOn("#train-button");
        AppWindowFixture.waitUntil("the first epoch", 120, () -> model.validationLossPointCount() >= 1);
        robot.clickOn("#stop-button");
        AppWindowFixture.waitUntil("the stop", 60, () -> !model.runningProperty().get());
        String stopped = model.statusProperty().get();
        assertTrue(stopped.startsWith("Stopped"), stopped);
        assertFalse(resume.isDisabled(), "Resume is offered after a Stop");

        // Read through the window's own connection: a second connection to the file in this JVM is not what the app
        // does while a child writes it.
        int kept = ResumePoint.of(app.workspace.session().store().latestCheckpoint(1).orElseThrow()).orElseThrow()
                .epochsComplete();
        assertTrue(kept >= 1 && kept < EPOCHS, "epochs complete at the stop: " + kept);

        robot.clickOn(resume);
        AppWindowFixture.waitUntil("the resumed run to start", 60, () -> model.runningProperty().get());
        // Before its first new epoch, the chart already holds the stored ones.
        assertTrue(model.validationLossPointCount() >= kept, "stored epochs drawn: " + model.validationLossPointCount());
        assertTrue(model.trainLossCurve().size() > 0 && model.trainLossCurve().x(0) < 1,
                "the training curve still starts in epoch 1");
        AppWindowFixture.waitUntil("the resumed run to finish", 240, () -> !model.runningProperty().get());
        String finished = model.statusProperty().get();
        assertTrue(finished.startsWith("Finished " + EPOCHS + " epochs."), finished);
        assertEquals(EPOCHS, model.validationLossPointCount(), "one validation point per epoch, old and new");
        assertTrue(resume.isDisabled(), "a completed run is not offered again");

        robot.clickOn("#runs-button");
        WaitForAsyncUtils.waitForFxEvents();
        RunsWindow window = app.window.trainingPanel().runsWindow();
        AppWindowFixture.waitUntil("the runs read", 30, () -> window.table().getItems().size() == 2);
        RunSummary newest = window.table().getItems().get(0);
        assertEquals(2, newest.id());
        assertEquals("completed", newest.status());
        assertEquals(EPOCHS, newest.finalValues().path("epochs").asInt());
        assertEquals(1, newest.settings().path("resumed_from").asLong());
        RunSummary first = window.table().getItems().get(1);
        assertEquals("stopped", first.status());

        // The stopped run can go on again from the Runs window; the completed one says why not.
        robot.interact(() -> window.table().getSelectionModel().select(newest));
        WaitForAsyncUtils.waitForFxEvents();
        Label reason = (Label) window.getScene().lookup("#runs-resume-reason");
        Button again = (Button) window.getScene().lookup("#runs-resume");
        // The checkpoint is read off the UI thread; until then Resume is off and says so.
        AppWindowFixture.waitUntil("run 2's checkpoint read", 30, () -> !reason.getText().startsWith("Checking"));
        assertTrue(again.isDisabled());
        assertEquals("Run 2 completed all " + EPOCHS + " epochs; set more epochs than " + EPOCHS
                + " to go on with it.", reason.getText());
        robot.interact(() -> window.table().getSelectionModel().clearAndSelect(1));
        WaitForAsyncUtils.waitForFxEvents();
        AppWindowFixture.waitUntil("run 1's checkpoint read", 30, () -> !reason.getText().startsWith("Checking"));
        assertFalse(again.isDisabled(), reason.getText());
        assertEquals("Run 1 can go on from epoch " + (kept + 1) + " to epoch " + EPOCHS + ".", reason.getText());
        robot.interact(window::hide);
    }
}
