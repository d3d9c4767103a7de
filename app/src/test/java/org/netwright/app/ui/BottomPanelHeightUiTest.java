package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.command.AddNode;
import org.netwright.model.graph.Node;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The bottom panel keeps its height whatever its messages say, so the canvas above it does not move. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class BottomPanelHeightUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;

    @Start
    void start(Stage stage) {
        Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        app = AppWindowFixture.open(stage, dir, moons.graph(), moons.settings(), (p, s, e) -> {
            throw new AssertionError("no training in this test");
        });
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aLongReasonUnderTrainOrARefusedValueLeavesThePanelAndTheCanvasWhereTheyWere(FxRobot robot) {
        Region panel = robot.lookup("#training-panel").queryAs(Region.class);
        Region canvas = robot.lookup("#graph-canvas").queryAs(Region.class);
        Label blocker = robot.lookup("#train-blocker").queryAs(Label.class);
        assertFalse(blocker.isVisible(), "the template trains: no reason shown");
        double height = panel.getHeight();
        double canvasHeight = canvas.getHeight();

        // An image wired into a Dense layer: its red card gives Train a long reason (lines in a 260 px column).
        robot.interact(() -> {
            var editor = app.workspace.session().editor();
            editor.execute(new AddNode(new Node("image_input_9", "image_input", Map.of(), 900, 500)));
            editor.execute(new AddNode(new Node("dense_9", "dense", Map.of(), 1200, 500)));
            editor.execute(new org.netwright.model.command.Connect(
                    org.netwright.model.graph.Edge.of("image_input_9", "out", "dense_9", "in")));
        });
        AppWindowFixture.waitUntil("a reason under Train", 10, blocker::isVisible);
        assertTrue(blocker.getText().length() > 60, blocker.getText());
        assertEquals(height, panel.getHeight(), 0.5, "panel height with a reason shown");
        assertEquals(canvasHeight, canvas.getHeight(), 0.5, "canvas height with a reason shown");
        assertEquals(blocker.getText(), blocker.getTooltip().getText(), "the whole reason in the tooltip");

        // A refused value: its red sentence too stays inside the panel.
        robot.clickOn("#epochs-field").eraseText(4).write("0").type(javafx.scene.input.KeyCode.ENTER);
        Label error = robot.lookup("#settings-error").queryAs(Label.class);
        AppWindowFixture.waitUntil("the refusal", 10, () -> !error.getText().isEmpty());
        assertEquals(height, panel.getHeight(), 0.5, "panel height with a refusal shown");
        assertEquals(canvasHeight, canvas.getHeight(), 0.5);
        List.of(blocker, error).forEach(l -> assertTrue(l.localToScene(l.getLayoutBounds()).getMaxY()
                <= panel.localToScene(panel.getLayoutBounds()).getMaxY() + 0.5, l.getId() + " runs out of the panel"));
    }
}
