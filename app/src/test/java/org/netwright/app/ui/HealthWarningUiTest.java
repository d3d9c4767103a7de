package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.training.RunStarter;
import org.netwright.model.run.FinalMetrics;
import org.netwright.model.run.RunEvent;
import org.netwright.model.run.RunWarning;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An epoch that raises a health warning is marked on the loss chart and said under the run's status. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class HealthWarningUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;

    /** A child that prints a short run whose second epoch warns of vanishing gradients in dense_1. */
    private static RunStarter scripted() {
        List<RunEvent> events = List.of(new RunEvent.Started(1, "cpu", 2, 1),
                new RunEvent.Step(1, 1, 0.7, 0.01, 0.1), new RunEvent.Epoch(1, 0.7, 0.7, java.util.Map.of(), 0.01, 0.2, 0.2),
                new RunEvent.Step(2, 2, 0.6, 0.01, 0.3),
                new RunEvent.Epoch(2, 0.6, 0.65, java.util.Map.of(), 0.01, 0.4, 0.2,
                        java.util.Map.of("dense_1", 1e-9, "dense_2", 0.5), java.util.Map.of(),
                        List.of(new RunWarning(RunWarning.VANISHING_GRADIENTS, "dense_1", "dense_1 barely learns."))),
                new RunEvent.Finished("completed", new FinalMetrics(0.6, java.util.Map.of(), "last", "cpu", 2, 2)));
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
    void theWarningIsMarkedAtItsEpochAndSaid(FxRobot robot) {
        robot.clickOn("#train-button");
        AppWindowFixture.waitUntil("the run ends", 30, () -> !app.window.trainingPanel().model().runningProperty().get()
                && !app.window.trainingPanel().model().warningMarkers().isEmpty());
        Label health = robot.lookup("#health-warning").queryAs(Label.class);
        assertTrue(health.isVisible());
        assertEquals("\u26a0 Epoch 2: vanishing gradients", health.getText());
        ChartViewer chart = robot.lookup("#loss-chart").queryAs(ChartViewer.class);
        Collection<?> markers = chart.getChart().getXYPlot().getDomainMarkers(Layer.FOREGROUND);
        assertEquals(1, markers.size());
        ValueMarker m = (ValueMarker) markers.iterator().next();
        assertEquals(2.0, m.getValue());
        assertTrue(m.getLabel().contains("vanishing gradients"), m.getLabel());
        // The layer the warning names is marked on its card in the canvas.
        assertEquals("vanishing gradients", app.window.trainingPanel().model().nodeWarnings().get("dense_1"));
        javafx.scene.Node card = robot.lookup("#node-dense_1").query();
        assertTrue(card.getStyleClass().contains("layer-node-warned"), card.getStyleClass().toString());
        assertTrue(robot.lookup(".layer-node-run-warning").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.isVisible() && l.getText().equals("\u26a0 vanishing gradients")));
    }
}
