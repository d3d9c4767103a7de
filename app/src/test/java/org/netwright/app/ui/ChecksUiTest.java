package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.check.CheckWindow;
import org.netwright.app.training.RunStarter;
import org.netwright.model.store.ProjectStore;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * In the main window, Find Rate… runs the range test on the open project in a child process and "Use this rate" puts
 * the suggestion in the Learning rate field and the project's saved settings.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ChecksUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;

    @Start
    void start(Stage stage) {
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        app = AppWindowFixture.open(stage, dir, t.graph(), t.settings(), RunStarter.childJvm());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void findRateSetsTheSuggestedRateInTheField(FxRobot robot) throws Exception {
        robot.clickOn("#lr-find-button");
        WaitForAsyncUtils.waitForFxEvents();
        CheckWindow window = (CheckWindow) Window.getWindows().stream().filter(w -> w instanceof CheckWindow)
                .findFirst().orElseThrow();
        Label message = (Label) window.getScene().lookup("#check-message");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> message.getText().startsWith("Suggested")
                || message.getStyleClass().contains("error"));
        assertTrue(message.getText().startsWith("Suggested learning rate"), message.getText());
        Button use = (Button) window.getScene().lookup("#use-rate-button");
        robot.interact(use::fire);
        WaitForAsyncUtils.waitForFxEvents();
        TextField field = robot.lookup("#learning-rate-field").queryAs(TextField.class);
        double shown = Double.parseDouble(field.getText());
        assertTrue(message.getText().equals("The learning rate is now " + field.getText() + "."), message.getText()
                + " / " + field.getText());
        assertTrue(shown > 1e-4 && shown < 1, field.getText());
        robot.interact(window::hide);
        // Saved as every settings change is, so a run or a check started next reads it.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            try (ProjectStore s = ProjectStore.openReadOnly(app.file)) {
                return s.loadSettings().orElseThrow().learningRate() == shown;
            }
        });
        try (ProjectStore s = ProjectStore.openReadOnly(app.file)) {
            assertEquals(shown, s.loadSettings().orElseThrow().learningRate());
        }
    }
}
