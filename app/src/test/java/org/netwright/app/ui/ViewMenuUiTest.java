package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.editor.EditorModel;
import org.netwright.editor.canvas.GraphCanvas;
import org.netwright.editor.summary.SummaryRow;
import org.netwright.editor.summary.SummaryView;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** View > Model Summary shows the table under the canvas, a row click selects the layer; View > Minimap toggles. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ViewMenuUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;
    private final Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();

    @Start
    void start(Stage stage) {
        app = AppWindowFixture.open(stage, dir, moons.graph(), moons.settings(),
                (p, s, e) -> {
                    throw new AssertionError("no training in this test");
                });
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void theSummaryOpensFromTheViewMenuAndSelectsTheClickedLayer(FxRobot robot) {
        EditorModel editor = app.workspace.session().editor();
        assertTrue(robot.lookup("#model-summary").tryQuery().isEmpty(), "the summary shows before it is asked for");
        robot.clickOn("View").clickOn("Model Summary");
        AppWindowFixture.waitUntil("the summary", 5, () -> robot.lookup("#model-summary").tryQuery().isPresent());
        SummaryView view = robot.lookup("#model-summary").queryAs(SummaryView.class);
        assertEquals(editor.shapes().totalParams(), view.summary().totalParams());
        assertEquals(editor.graph().nodes().size(), view.summary().rows().size());

        SummaryRow last = view.summary().rows().get(1);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableRow<SummaryRow> row = robot.lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() != null && ((SummaryRow) r.getItem()).nodeId().equals(last.nodeId()))
                .findFirst().orElseThrow();
        robot.clickOn(row);
        assertEquals(last.nodeId(), editor.selectedNodeProperty().get());

        GraphCanvas canvas = robot.lookup("#graph-canvas").queryAs(GraphCanvas.class);
        assertTrue(canvas.minimapShownProperty().get());
        robot.clickOn("View").clickOn("Minimap");
        assertFalse(canvas.minimapShownProperty().get());
        robot.clickOn("View").clickOn("Snap to Grid");
        assertTrue(canvas.snapToGridProperty().get());

        robot.interact(editor::selectAll);
        robot.clickOn("Edit").clickOn("Align").clickOn("Left");
        AppWindowFixture.waitUntil("aligned", 5, () -> editor.graph().nodes().values().stream()
                .mapToDouble(org.netwright.model.graph.Node::x).distinct().count() == 1);
        robot.clickOn("View").clickOn("Model Summary");
        AppWindowFixture.waitUntil("the summary gone", 5, () -> robot.lookup("#model-summary").tryQuery().isEmpty());
    }
}
