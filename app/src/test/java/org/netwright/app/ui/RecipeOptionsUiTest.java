package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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
import org.netwright.editor.EditorModel;
import org.netwright.model.command.RemoveNodes;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Task window's recipe options on the gan-2d template: the noise's distribution changes as an undoable network
 * edit, swapped parts are refused in red with nothing saved, the parts are saved with the task, and when an edit of
 * the network leaves the saved task without its generator, Train is off and says why until the edit is undone.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class RecipeOptionsUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;

    @Start
    void start(Stage stage) {
        Template gan = TemplateLibrary.find("gan-2d").orElseThrow();
        app = AppWindowFixture.open(stage, dir, gan.graph(), gan.settings(), RunStarter.childJvm());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aGansOptionsAreEditedAndABrokenSavedTaskTurnsTrainOff(FxRobot robot) {
        AppWindowFixture.waitUntil("the data row shows the GAN task", 30,
                () -> robot.lookup("#data-task").queryAs(Label.class).getText().startsWith("Recipe: gan"));
        robot.clickOn("#task-edit");
        assertTrue(robot.lookup("#task-options").query().isVisible(), "the recipe options are shown");
        for (Label name : robot.lookup("#task-options .label").queryAllAs(Label.class)) {
            if (name.getId() != null && name.getId().startsWith("task-option-label-")) {
                assertTrue(AppWindowFixture.shownWhole(name), "cut: " + name.getText());
            }
        }
        ComboBox<String> generator = combo(robot, "#task-option-generator");
        ComboBox<String> discriminator = combo(robot, "#task-option-discriminator");
        String g = generator.getValue();
        String d = discriminator.getValue();
        assertEquals("point", combo(robot, "#task-option-real_input").getValue());
        assertTrue(robot.lookup("#task-option-help-generator").queryAs(Label.class).getText().contains("noise"));

        // The noise: an edit of the network, undone by Edit > Undo.
        EditorModel editor = app.workspace.session().editor();
        choose(robot, "#task-option-distribution-noise", "uniform");
        robot.clickOn("#task-apply");
        AppWindowFixture.waitUntil("the noise layer changed", 10,
                () -> "uniform".equals(editor.graph().require("noise").params().get("distribution")));
        assertNull(saved().task(), "a change of noise alone saves no task");
        WaitForAsyncUtils.asyncFx(editor::undo);
        AppWindowFixture.waitUntil("the edit is undone", 10,
                () -> "normal".equals(String.valueOf(editor.graph().require("noise").params().getOrDefault("distribution", "normal"))));

        // Swapped parts: refused in red, nothing saved.
        AppWindowFixture.waitUntil("the rows reload", 20, () -> combo(robot, "#task-option-generator").getValue() != null);
        choose(robot, "#task-option-generator", d);
        choose(robot, "#task-option-discriminator", g);
        robot.clickOn("#task-apply");
        Label error = robot.lookup("#task-error").queryAs(Label.class);
        assertEquals("The GAN's discriminator '" + g + "' gives a vector of 2; it must give one score per sample.",
                error.getText());
        assertTrue(error.isVisible() && error.getStyleClass().contains("error"), "shown in red");
        assertNull(saved().task(), "nothing saved");

        choose(robot, "#task-option-generator", g);
        choose(robot, "#task-option-discriminator", d);
        robot.clickOn("#task-apply");
        AppWindowFixture.waitUntil("the task is saved", 10, () -> saved().task() != null);
        assertEquals(g, saved().task().options().get("generator"));
        robot.clickOn("#task-close");

        Button train = robot.lookup("#train-button").queryAs(Button.class);
        Label blocker = robot.lookup("#train-blocker").queryAs(Label.class);
        assertFalse(train.isDisabled(), blocker.getText());
        // The user deletes the generator's last layer: the saved task no longer fits, and Train says so.
        WaitForAsyncUtils.asyncFx(() -> editor.execute(RemoveNodes.of(editor.graph(), List.of(g))));
        AppWindowFixture.waitUntil("Train is off with the reason", 20, () -> train.isDisabled()
                && blocker.getText().startsWith("The task saved with the project no longer fits: "));
        assertTrue(blocker.getText().contains("'" + g + "'"), blocker.getText());
        assertTrue(blocker.isVisible());
        WaitForAsyncUtils.asyncFx(editor::undo);
        AppWindowFixture.waitUntil("Train is on again after the undo", 20, () -> !train.isDisabled());
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    private static void choose(FxRobot robot, String id, String value) {
        ComboBox<String> box = combo(robot, id);
        WaitForAsyncUtils.asyncFx(() -> box.setValue(value));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TrainingSettings saved() {
        return app.workspace.session().store().loadSettings().orElseThrow();
    }
}
