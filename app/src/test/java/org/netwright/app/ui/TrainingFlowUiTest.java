package org.netwright.app.ui;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.training.RunStarter;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.ProjectStore;
import org.netwright.model.store.RunRecord;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A new user's first minute: build a one-layer network with the mouse, train it, find the run in the file. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class TrainingFlowUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;

    @Start
    void start(Stage stage) {
        Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        Node input = moons.graph().require("input");
        app = AppWindowFixture.open(stage, dir, Graph.of(List.of(input), List.of()), moons.settings(),
                RunStarter.childJvm());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void buildAndTrainAOneLayerNetworkWithTheMouse(FxRobot robot) {
        Button train = robot.lookup("#train-button").queryButton();
        assertTrue(train.isDisabled(), "an input alone has nothing to train");
        assertTrue(robot.lookup("#train-blocker").queryAs(Label.class).getText().startsWith("Nothing to train yet"));

        // Search first: the palette is longer than the test screen, and a user looking for one layer would.
        robot.clickOn("#palette-search").write("dense");
        robot.drag("#palette-dense").dropTo("#graph-canvas");
        AppWindowFixture.waitUntil("the dense card appears", 5, () -> robot.lookup("#node-dense_1").tryQuery().isPresent());

        robot.doubleClickOn("#param-units").write("2").type(KeyCode.ENTER);
        robot.drag("#port-input-out").dropTo("#port-dense_1-in");
        AppWindowFixture.waitUntil("the edge is made", 5,
                () -> app.workspace.session().editor().graph().edges().contains(Edge.of("input", "out", "dense_1", "in")));
        assertEquals(2, app.workspace.session().editor().graph().require("dense_1").params().get("units"));

        robot.doubleClickOn("#epochs-field").write("2").type(KeyCode.ENTER);
        assertFalse(train.isDisabled(), robot.lookup("#train-blocker").queryAs(Label.class).getText());
        robot.clickOn("#train-button");

        AppWindowFixture.waitUntil("the chart shows training loss", 60,
                () -> app.window.trainingPanel().trainLossPointCount() > 0);
        AppWindowFixture.waitUntil("the run ends", 60, () -> !app.window.trainingPanel().model().runningProperty().get());

        String status = robot.lookup("#run-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Finished 2 epochs"), status);
        assertEquals("Trained on CPU", robot.lookup("#device-label").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#accuracy-label").queryAs(Label.class).getText().startsWith("Validation accuracy"));
        assertEquals(2, app.window.trainingPanel().model().validationLossPointCount());

        try (ProjectStore store = ProjectStore.open(app.file)) {
            List<RunRecord> runs = store.runs();
            assertEquals(1, runs.size());
            assertEquals("completed", runs.get(0).status());
            List<MetricPoint> metrics = store.metrics(runs.get(0).id());
            assertTrue(metrics.stream().anyMatch(m -> m.key().equals("train/loss")), metrics.toString());
            assertTrue(metrics.stream().anyMatch(m -> m.key().equals("validate/loss")), metrics.toString());
            Graph saved = store.loadGraph();
            assertEquals(Map.of("units", 2), Map.of("units", saved.require("dense_1").params().get("units")));
            assertEquals(2, store.loadSettings().orElseThrow().epochs());
        }
    }
}
