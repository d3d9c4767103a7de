package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
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
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Task window on the vae template: the KL weight is typed with its help shown; a negative one is refused in red. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class VaeOptionsUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;

    @Start
    void start(Stage stage) {
        Template vae = TemplateLibrary.find("vae").orElseThrow();
        app = AppWindowFixture.open(stage, dir, vae.graph(), vae.settings(), RunStarter.childJvm());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theKlWeightIsTypedAndANegativeOneRefused(FxRobot robot) {
        AppWindowFixture.waitUntil("the data row shows the VAE task", 30,
                () -> robot.lookup("#data-task").queryAs(Label.class).getText().startsWith("Recipe: vae"));
        robot.clickOn("#task-edit");
        TextField kl = robot.lookup("#task-option-kl_weight").queryAs(TextField.class);
        assertEquals("1", kl.getText());
        assertTrue(robot.lookup("#task-option-help-kl_weight").queryAs(Label.class).getText().contains("KL term"));

        robot.doubleClickOn(kl).eraseText(1).write("-2");
        robot.clickOn("#task-apply");
        assertEquals("The KL weight must be a number of at least 0 such as 1; got \"-2\".",
                robot.lookup("#task-error").queryAs(Label.class).getText());
        assertNull(saved().task(), "nothing saved");

        robot.doubleClickOn(kl).eraseText(2).write("0.5");
        robot.clickOn("#task-apply");
        AppWindowFixture.waitUntil("the task is saved", 10, () -> saved().task() != null);
        assertEquals("0.5", saved().task().options().get("kl_weight"));
        AppWindowFixture.waitUntil("the data row shows the weight", 20,
                () -> robot.lookup("#data-task").queryAs(Label.class).getText().contains("weight 0.5"));
    }

    private TrainingSettings saved() {
        return app.workspace.session().store().loadSettings().orElseThrow();
    }
}
