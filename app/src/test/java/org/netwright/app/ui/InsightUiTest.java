package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.insight.InsightView;
import org.netwright.app.insight.InsightViewModel;
import org.netwright.runner.cli.Cli;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The insight view on a tiny trained run shows its confusion matrix and a saliency map whose opacity follows the slider. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class InsightUiTest {
    @TempDir
    static Path dir;
    private InsightViewModel model;

    /** Trains the tiny run before any window opens: on a loaded machine it can take longer than a stage may. */
    @BeforeAll
    static void train() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(new String[] {"train", "--template", "shapes-cnn", "--epochs", "2", "--data",
                "gen:shapes:samples=300", "--save", dir.resolve("tiny.nwproj").toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, status, err.toString());
    }

    @Start
    void start(Stage stage) {
        model = InsightViewModel.forApp(dir.resolve("tiny.nwproj"), null);
        stage.setScene(new Scene(new InsightView(model), 860, 520));
        stage.show();
    }

    @Test
    void theConfusionMatrixAndASaliencyMapAppear(FxRobot robot) {
        robot.interact(() -> {
            model.evaluate();
            model.explain();
        });
        AppWindowFixture.waitUntil("the evaluation and the map arrive", 120, () -> !model.busyProperty().get()
                && model.evaluationProperty().get() != null && model.saliencyProperty().get() != null);
        GridPane grid = robot.lookup("#confusion-grid").queryAs(GridPane.class);
        // Three classes: a header row and column, and nine counts that add up to the test part.
        long total = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                total += Long.parseLong(robot.lookup("#cell-" + i + "-" + j).queryAs(Label.class).getText());
            }
        }
        assertEquals(model.evaluationProperty().get().samples(), total);
        assertTrue(grid.getChildren().size() >= 15);
        // The figures keep their own line: the status line says whichever answer came last.
        assertTrue(robot.lookup("#evaluation-summary").queryAs(Label.class).getText().contains("accuracy"),
                robot.lookup("#evaluation-summary").queryAs(Label.class).getText());
        ImageView map = robot.lookup("#saliency-view").queryAs(ImageView.class);
        assertEquals(256, (int) map.getImage().getWidth());
        int before = map.getImage().getPixelReader().getArgb(128, 128);
        Slider opacity = robot.lookup("#opacity-slider").queryAs(Slider.class);
        robot.interact(() -> opacity.setValue(opacity.getValue() > 0.5 ? 0 : 1));
        int after = robot.lookup("#saliency-view").queryAs(ImageView.class).getImage().getPixelReader()
                .getArgb(128, 128);
        assertNotEquals(before, after, "the opacity slider redraws the map");
        assertTrue(robot.lookup("#saliency-caption").queryAs(Label.class).getText().contains("saliency"));
        String shots = System.getenv("NETWRIGHT_SCREENSHOTS");
        if (shots != null) {
            // For the README: NETWRIGHT_SCREENSHOTS=DIR writes the view as it is now.
            robot.interact(() -> opacity.setValue(0.6));
            robot.interact(() -> {
                try {
                    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(grid.getScene().getRoot()
                            .snapshot(null, null), null), "png", Path.of(shots).resolve("insight.png").toFile());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
