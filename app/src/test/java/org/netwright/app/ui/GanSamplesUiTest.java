package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.training.RunStarter;
import org.netwright.model.settings.DataRecipe;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A GAN trained from the app shows its latest grid of samples from fixed noise in a Samples tab beside the loss chart, and the panel keeps its height. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class GanSamplesUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;

    @Start
    void start(Stage stage) {
        Template gan = TemplateLibrary.find("gan-2d").orElseThrow();
        app = AppWindowFixture.open(stage, dir, gan.graph(), gan.settings().withEpochs(2)
                .withData(DataRecipe.generator("ring_gaussians", Map.of("samples", 1000, "std", 0.05))),
                RunStarter.childJvm());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theSampleGridAppearsAfterAnEpoch(FxRobot robot) {
        robot.clickOn("#train-button");
        AppWindowFixture.waitUntil("the run ends", 90, () -> !app.window.trainingPanel().model().runningProperty().get());
        double panelHeight = app.window.trainingPanel().getHeight();
        // The run column's words take about 350 px here; the picture in that column once added 240 more.
        assertTrue(panelHeight < 420, "the samples must not make the training panel grow: " + panelHeight);
        assertEquals(3, robot.lookup("#training-views").queryAs(javafx.scene.control.TabPane.class).getTabs().size(),
                "Loss, Gradients and Samples");
        robot.clickOn("Samples");
        ImageView view = robot.lookup("#samples-view").queryAs(ImageView.class);
        assertTrue(view.isVisible() && view.getImage() != null, "no sample grid shown");
        assertEquals(160, (int) view.getImage().getWidth());
        assertEquals("Samples from fixed noise after epoch 2",
                robot.lookup("#samples-caption").queryAs(Label.class).getText());
    }
}
