package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.training.RunStarter;
import org.netwright.app.training.SchedulePreview;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Training options window: a changed option is saved in the project file, a refused value says why under its
 * field and changes nothing, options the optimizer does not take are off, and the schedule chart follows the
 * schedule.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class TrainingOptionsUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;

    @Start
    void start(Stage stage) {
        Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        app = AppWindowFixture.open(stage, dir, moons.graph(), moons.settings().withOptimizer("sgd"),
                RunStarter.childJvm());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aChangedOptionIsSavedInTheProjectAndOptionsFollowTheOptimizer(FxRobot robot) {
        robot.clickOn("#options-button");
        TextField momentum = robot.lookup("#option-momentum").queryAs(TextField.class);
        assertTrue(momentum.isDisabled(), "sgd has no momentum");
        assertTrue(robot.lookup("#option-beta1").queryAs(TextField.class).isDisabled(), "nor betas");

        choose(robot, "#option-optimizer", "momentum");
        assertFalse(momentum.isDisabled());
        assertEquals("momentum", saved().optimizer());
        assertEquals("momentum", robot.lookup("#optimizer-box").queryComboBox().getValue(),
                "the panel's optimizer follows the window's");

        enter(robot, "#option-momentum", "0.5");
        enter(robot, "#option-clip-norm", "1.5");
        enter(robot, "#option-patience", "4");
        robot.clickOn("#option-restore-best");
        choose(robot, "#option-initializer", "he");
        enter(robot, "#option-validation-split", "0.1");

        TrainingSettings s = saved();
        assertEquals(0.5, s.options().momentum());
        assertEquals(1.5, s.options().clipNorm());
        assertEquals(4, s.options().patience());
        assertTrue(s.options().restoreBest());
        assertEquals("he", s.options().initializer());
        assertEquals(0.1, s.validationSplit());
        assertEquals("", error(robot, "option-momentum"));

        // Adam takes no momentum: the field is off and the saved value goes back to its default.
        choose(robot, "#option-optimizer", "adam");
        assertTrue(momentum.isDisabled());
        assertFalse(robot.lookup("#option-beta1").queryAs(TextField.class).isDisabled());
        assertEquals(0.9, saved().options().momentum());
        assertEquals(1.5, saved().options().clipNorm(), "other options stay");

        // Reopened, the window shows what the project holds.
        WaitForAsyncUtils.asyncFx(() -> app.workspace.open(app.file));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#options-button");
        assertEquals("1.5", robot.lookup("#option-clip-norm").queryAs(TextField.class).getText());
        assertEquals("he", robot.lookup("#option-initializer").queryComboBox().getValue());
    }

    @Test
    void aRefusedValueSaysWhyUnderItsFieldAndChangesNothing(FxRobot robot) {
        robot.clickOn("#options-button");
        TrainingSettings before = saved();

        enter(robot, "#option-clip-norm", "-1");
        assertEquals("Gradient clipping limits must be 0 (off) or positive numbers. Kept 0.", error(robot, "option-clip-norm"));
        assertEquals("0", robot.lookup("#option-clip-norm").queryAs(TextField.class).getText(), "the saved value is back");

        robot.clickOn("#option-l1");
        assertEquals("Gradient clipping limits must be 0 (off) or positive numbers. Kept 0.", error(robot, "option-clip-norm"),
                "the reason stays when focus leaves the field");

        enter(robot, "#option-weight-decay", "lots");
        assertEquals("Weight decay must be a number such as 0.0001; got \"lots\". Kept 0.",
                error(robot, "option-weight-decay"));

        enter(robot, "#option-schedule", "step:gamma=0.5");
        assertTrue(error(robot, "option-schedule").contains("every"), error(robot, "option-schedule"));
        assertEquals(before, saved(), "nothing saved");

        enter(robot, "#option-clip-norm", "2");
        assertEquals("", error(robot, "option-clip-norm"), "an accepted value clears the refusal");
        assertEquals(2.0, saved().options().clipNorm());
    }

    @Test
    void theScheduleChartFollowsTheScheduleAsItIsTyped(FxRobot robot) {
        robot.clickOn("#options-button");
        SchedulePreview preview = app.window.trainingPanel().options().schedule();
        AppWindowFixture.waitUntil("the data is counted", 10, () -> noteOf(robot).contains("from 1000 samples"));
        TrainingSettings s = saved();
        int steps = stepsPerEpoch(s);
        assertEquals(s.epochs() * steps + 1, preview.pointCount(), "one point a step and the end");
        assertEquals(s.learningRate(), preview.lastRate(), 1e-12, "constant");

        robot.doubleClickOn("#option-schedule").eraseText(20).write("cosine");
        assertTrue(preview.lastRate() < s.learningRate() * 0.01, "cosine anneals to 0 before it is saved");
        assertTrue(noteOf(robot).startsWith("cosine"), noteOf(robot));
        robot.type(KeyCode.ENTER);
        assertEquals("cosine", saved().options().schedule());

        robot.write(":min=");
        assertEquals(0, preview.pointCount(), "a spec the parser refuses draws nothing");
        assertTrue(robot.lookup("#schedule-note").queryAs(Label.class).getStyleClass().contains("error"));
        assertFalse(noteOf(robot).isEmpty());
    }

    private static int stepsPerEpoch(TrainingSettings s) {
        int train = 1000 - (int) Math.round(s.validationSplit() * 1000) - (int) Math.round(s.testSplit() * 1000);
        return (train + s.batchSize() - 1) / s.batchSize();
    }

    private static void enter(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.clickOn(id);
        WaitForAsyncUtils.asyncFx(field::selectAll);
        WaitForAsyncUtils.waitForFxEvents();
        robot.write(text).type(KeyCode.ENTER);
    }

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, String id, String value) {
        ComboBox<String> box = robot.lookup(id).queryAs(ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> box.setValue(value));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String error(FxRobot robot, String fieldId) {
        return robot.lookup("#" + fieldId + "-error").queryAs(Label.class).getText();
    }

    private static String noteOf(FxRobot robot) {
        return robot.lookup("#schedule-note").queryAs(Label.class).getText();
    }

    /** The settings as the project file holds them (read back through SettingsJson). */
    private TrainingSettings saved() {
        return app.workspace.session().store().loadSettings().orElseThrow();
    }
}
