package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.training.RunStarter;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.task.Objective;
import org.netwright.model.task.Task;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Task window on the regression template: a loss changed to Huber is saved in the project file and shown in the
 * Data row's task text; a target that does not fit is refused in red with nothing saved; reset brings the proposal back.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class TaskEditorUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;

    @Start
    void start(Stage stage) {
        Template regression = TemplateLibrary.find("regression-mlp").orElseThrow();
        app = AppWindowFixture.open(stage, dir, regression.graph(), regression.settings(), RunStarter.childJvm());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aLossChangedToHuberIsSavedAndShownAndABadTargetIsRefused(FxRobot robot) {
        AppWindowFixture.waitUntil("the data row shows the proposed task", 20,
                () -> taskText(robot).contains("-> mse against 'target'"));
        robot.clickOn("#task-edit");
        String out = app.window.trainingPanel().dataRow().model().taskEditor().objectives().get(0).output();
        assertEquals("plain", robot.lookup("#task-recipe").queryAs(Label.class).getText());
        assertEquals("Metrics: MAE, RMSE, R²", robot.lookup("#task-metrics").queryAs(Label.class).getText());

        choose(robot, "#task-loss-" + out, "huber");
        robot.clickOn("#task-params-" + out).write("delta=0.5");
        robot.clickOn("#task-apply");
        AppWindowFixture.waitUntil("the task is saved", 10, () -> saved().task() != null);
        assertEquals(new Objective(out, "huber:delta=0.5", "target", 1.0), saved().task().objectives().get(0));
        AppWindowFixture.waitUntil("the data row shows the edited task", 20,
                () -> taskText(robot).contains("-> huber:delta=0.5 against 'target'"));
        assertEquals("", robot.lookup("#task-error").queryAs(Label.class).getText());

        Task before = saved().task();
        choose(robot, "#task-target-" + out, "features");
        robot.clickOn("#task-apply");
        Label error = robot.lookup("#task-error").queryAs(Label.class);
        assertEquals("The output layer '" + out + "' gives a vector of 1 but its target 'features' is a vector of 2;"
                + " they must hold as many numbers.", error.getText());
        assertTrue(error.isVisible() && error.getStyleClass().contains("error"), "shown in red");
        assertEquals(before, saved().task(), "nothing saved");
        assertTrue(taskText(robot).contains("-> huber:delta=0.5 against 'target'"), "the task text keeps the saved task");

        robot.clickOn("#task-reset");
        AppWindowFixture.waitUntil("the proposal is back", 20,
                () -> saved().task() == null && taskText(robot).contains("-> mse against 'target'"));
        assertEquals("target", robot.lookup("#task-target-" + out).queryAs(ComboBox.class).getValue());
        assertEquals("", robot.lookup("#task-params-" + out).queryAs(TextField.class).getText());
        robot.clickOn("#task-close");
        assertTrue(robot.lookup("#task-edit").queryAs(Button.class).isVisible());
        assertNull(saved().task());
    }

    @SuppressWarnings("unchecked")
    private static void choose(FxRobot robot, String id, String value) {
        ComboBox<String> box = robot.lookup(id).queryAs(ComboBox.class);
        WaitForAsyncUtils.asyncFx(() -> box.setValue(value));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String taskText(FxRobot robot) {
        return robot.lookup("#data-task").queryAs(Label.class).getText();
    }

    /** The settings as the project file holds them (read back through SettingsJson). */
    private TrainingSettings saved() {
        return app.workspace.session().store().loadSettings().orElseThrow();
    }
}
