package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.training.RunStarter;
import org.netwright.app.training.TrainingViewModel;
import org.netwright.app.training.ActivationRow;
import org.netwright.model.run.ActivationStats;
import org.netwright.model.run.FinalMetrics;
import org.netwright.model.run.RunEvent;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The training panel's Gradients tab draws the heat map from the run's epoch events: one column per epoch, and a
 * layer whose gradients vanish is named and its cells framed; beside it each layer's outputs of the last epoch, a
 * mostly-zero layer marked.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class LiveGradientsUiTest {
    /** The frame drawn around a vanishing cell (GradientsPanel's cyan). */
    private static final Color VANISHING_FRAME = Color.web("#00b8d4");
    @TempDir
    Path dir;
    private AppWindowFixture app;

    private static Map<String, Double> norms(double first) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("dense_1", first);
        m.put("dense_2", 0.4);
        return m;
    }

    /** A child that prints three epochs; dense_1's gradient norm collapses from epoch 2 on. */
    private static RunStarter scripted() {
        List<RunEvent> events = new ArrayList<>(List.of(new RunEvent.Started(1, "cpu", 3, 1)));
        double[] first = {0.3, 1e-9, 1e-10};
        for (int e = 1; e <= 3; e++) {
            events.add(new RunEvent.Step(e, e, 0.7, 0.01, e));
            Map<String, ActivationStats> stats = new LinkedHashMap<>();
            stats.put("dense_1", new ActivationStats(0.1 * e, 0.8, 0.0));
            stats.put("relu_1", new ActivationStats(0.02, 0.1, 0.96));
            events.add(new RunEvent.Epoch(e, 0.7, 0.7, Map.of(), 0.01, e, 1)
                    .withHealth(norms(first[e - 1]), Map.of(), List.of()).withActivations(stats));
        }
        events.add(new RunEvent.Finished("completed", new FinalMetrics(0.6, Map.of(), "last", "cpu", 3, 3)));
        return AppWindowFixture.printing(events);
    }

    @Start
    void start(Stage stage) {
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        app = AppWindowFixture.open(stage, dir, t.graph(), t.settings(), scripted());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theGradientsTabDrawsEachEpochAndNamesTheVanishingLayer(FxRobot robot) {
        TrainingViewModel model = app.window.trainingPanel().model();
        Label caption = robot.lookup("#live-gradients-caption").queryAs(Label.class);
        assertTrue(caption.getText().contains("end of every epoch"), caption.getText());

        robot.clickOn("#train-button");
        AppWindowFixture.waitUntil("the run ends", 30, () -> !model.runningProperty().get()
                && model.gradientsProperty().get() != null);
        TabPane views = robot.lookup("#training-views").queryAs(TabPane.class);
        assertEquals("Gradients \u26a0", views.getTabs().get(1).getText());
        robot.clickOn("Gradients \u26a0");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("gradients-tab", views.getSelectionModel().getSelectedItem().getId());

        assertEquals(List.of(1, 2, 3), model.gradientsProperty().get().epochs());
        assertTrue(caption.isVisible());
        assertTrue(caption.getText().contains("Vanishing gradients in dense_1 (epochs 2–3)"), caption.getText());
        assertTrue(!caption.getText().contains("dense_2"), caption.getText());
        Canvas heat = robot.lookup("#live-gradient-heat-map").queryAs(Canvas.class);
        assertTrue(heat.isVisible() && heat.getWidth() > 100 && heat.getHeight() > 40,
                heat.getWidth() + "×" + heat.getHeight());
        // Cells are drawn in colour, and the vanishing ones carry their cyan frame.
        WritableImage shot = snapshot(robot, heat);
        PixelReader px = shot.getPixelReader();
        int framed = 0;
        int coloured = 0;
        for (int y = 0; y < shot.getHeight(); y++) {
            for (int x = 0; x < shot.getWidth(); x++) {
                Color c = px.getColor(x, y);
                if (near(c, VANISHING_FRAME)) {
                    framed++;
                } else if (c.getSaturation() > 0.3) {
                    coloured++;
                }
            }
        }
        assertTrue(framed > 20, "vanishing frames drawn: " + framed);
        assertTrue(coloured > 200, "coloured cells drawn: " + coloured);

        // Beside the heat map: the last epoch's layer outputs, the mostly-zero ReLU layer said and in red.
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<ActivationRow> table =
                robot.lookup("#live-activations-table").queryAs(javafx.scene.control.TableView.class);
        assertTrue(table.isVisible());
        assertEquals(List.of("dense_1", "relu_1"), table.getItems().stream().map(ActivationRow::layer).toList());
        assertEquals("0.300", table.getItems().get(0).mean());
        assertEquals("Layer outputs on a training batch after epoch 3 \u2014 1 layer looks stuck",
                robot.lookup("#live-activations-caption").queryAs(Label.class).getText());
        assertTrue(robot.lookup(".activation-stuck").queryAll().stream().anyMatch(javafx.scene.Node::isVisible),
                "the stuck layer's row is marked");
        assertTrue(robot.lookup("\u26a0 mostly zero (96 %)").tryQuery().isPresent(), "the stuck layer is said");
    }

    @Test
    void theHeatMapIsDrawnOnTheThemesPageAndRedrawnWhenItChanges(FxRobot robot) {
        TrainingViewModel model = app.window.trainingPanel().model();
        robot.clickOn("#train-button");
        AppWindowFixture.waitUntil("the run ends", 30, () -> !model.runningProperty().get()
                && model.gradientsProperty().get() != null);
        Canvas heat = robot.lookup("#live-gradient-heat-map").queryAs(Canvas.class);
        try {
            // The top-left corner is the page behind the layer names and epoch numbers.
            assertEquals(Color.WHITE, snapshot(robot, heat).getPixelReader().getColor(1, 1));
            robot.interact(() -> org.netwright.app.theme.Themes.apply(org.netwright.app.theme.Theme.DARK));
            Color dark = snapshot(robot, heat).getPixelReader().getColor(1, 1);
            assertTrue(dark.getBrightness() < 0.15, "the page in the dark theme: " + dark);
            // The layer names are drawn light on it: some pixel of the label column is bright.
            WritableImage shot = snapshot(robot, heat);
            boolean lightText = false;
            for (int y = 22; y < 22 + 14 * 2 && !lightText; y++) {
                for (int x = 0; x < 60 && !lightText; x++) {
                    lightText = shot.getPixelReader().getColor(x, y).getBrightness() > 0.6;
                }
            }
            assertTrue(lightText, "the layer names are light on the dark page");
        } finally {
            robot.interact(() -> org.netwright.app.theme.Themes.apply(org.netwright.app.theme.Theme.LIGHT));
        }
        assertEquals(Color.WHITE, snapshot(robot, heat).getPixelReader().getColor(1, 1), "light again");
    }

    private static WritableImage snapshot(FxRobot robot, Canvas canvas) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> out[0] = canvas.snapshot(null, null));
        return out[0];
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.06 && Math.abs(a.getGreen() - b.getGreen()) < 0.06
                && Math.abs(a.getBlue() - b.getBlue()) < 0.06;
    }
}
