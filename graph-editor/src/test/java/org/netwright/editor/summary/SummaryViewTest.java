package org.netwright.editor.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netwright.editor.EditorModel;
import org.netwright.model.command.CommandStack;
import org.netwright.model.command.SetTrainable;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.ShapeInference;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The summary's rows and totals are the shape inference's; a frozen layer counts as frozen; a click selects a layer. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class SummaryViewTest {
    private EditorModel model;
    private final List<String> revealed = new ArrayList<>();

    @Start
    void start(Stage stage) {
        Graph graph = Graph.of(List.of(
                new Node("input", "vector_input", Map.of("features", 4), 0, 0),
                new Node("dense_1", "dense", Map.of("units", 3), 250, 0),
                new Node("relu_1", "relu", Map.of(), 500, 0),
                new Node("dense_2", "dense", Map.of("units", 2, Node.TRAINABLE, false), 750, 0)),
                List.of(Edge.of("input", "out", "dense_1", "in"), Edge.of("dense_1", "out", "relu_1", "in"),
                        Edge.of("relu_1", "out", "dense_2", "in")));
        model = new EditorModel(new CommandStack(graph));
        stage.setScene(new Scene(new SummaryView(model, revealed::add), 800, 300));
        stage.show();
    }

    @Test
    void rowsAndTotalsComeFromTheShapesAndAClickSelects(FxRobot robot) {
        SummaryView view = robot.lookup("#model-summary").queryAs(SummaryView.class);
        ModelSummary summary = view.summary();
        assertEquals(List.of("input", "dense_1", "relu_1", "dense_2"),
                summary.rows().stream().map(SummaryRow::nodeId).toList());
        SummaryRow dense = summary.row("dense_1").orElseThrow();
        assertEquals(4 * 3 + 3, dense.params());
        assertEquals(model.shapes().report("dense_1").macs(), dense.macs());
        assertEquals("3", dense.output());
        assertEquals(ShapeInference.infer(model.graph()).totalParams(), summary.totalParams());
        assertEquals(3 * 2 + 2, summary.frozenParams());
        assertEquals(15, summary.trainableParams());
        assertFalse(summary.row("dense_2").orElseThrow().trainable());

        @SuppressWarnings("unchecked")
        javafx.scene.control.TableRow<SummaryRow> reluRow = robot.lookup(".table-row-cell")
                .queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getItem() != null && ((SummaryRow) r.getItem()).nodeId().equals("relu_1"))
                .findFirst().orElseThrow();
        robot.clickOn(reluRow);
        assertEquals("relu_1", model.selectedNodeProperty().get());
        assertEquals(List.of("relu_1"), revealed);

        // Selecting elsewhere selects the row; an edit updates the totals.
        robot.interact(() -> model.selectedNodeProperty().set("dense_2"));
        @SuppressWarnings("unchecked")
        TableView<SummaryRow> table = robot.lookup("#model-summary-table").queryAs(TableView.class);
        assertEquals("dense_2", table.getSelectionModel().getSelectedItem().nodeId());
        robot.interact(() -> model.execute(SetTrainable.of(model.graph(), "dense_2", true)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, view.summary().frozenParams());
        assertTrue(robot.lookup("#model-summary-totals").queryLabeled().getText().contains("23 trainable, 0 frozen"),
                robot.lookup("#model-summary-totals").queryLabeled().getText());
    }

    @Test
    void aClickedRowStaysUnderTheMouse(FxRobot robot) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        nodes.add(new Node("input", "vector_input", Map.of("features", 4), 0, 0));
        for (int i = 1; i <= 20; i++) {
            nodes.add(new Node("dense_" + i, "dense", Map.of("units", 4), 250 * i, 0));
            edges.add(Edge.of(i == 1 ? "input" : "dense_" + (i - 1), "out", "dense_" + i, "in"));
        }
        robot.interact(() -> model.stack().reset(Graph.of(nodes, edges), "a long chain"));
        @SuppressWarnings("unchecked")
        TableView<SummaryRow> table = robot.lookup("#model-summary-table").queryAs(TableView.class);
        robot.interact(() -> table.scrollTo(5));
        WaitForAsyncUtils.waitForFxEvents();
        double before = rowOf(robot, "dense_8").localToScreen(0, 0).getY();

        robot.clickOn(rowOf(robot, "dense_8"));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("dense_8", model.selectedNodeProperty().get());
        assertEquals(before, rowOf(robot, "dense_8").localToScreen(0, 0).getY(), 1.0,
                "the table scrolled the clicked row away from the mouse");
    }

    @Test
    void thePartsFollowTheirNamesAtOnce(FxRobot robot) {
        Graph two = Graph.of(List.of(
                new Node("input", "vector_input", Map.of("features", 4), 0, 0),
                new Node("dense_1", "dense", Map.of("units", 3), 250, 0),
                new Node("input_b", "vector_input", Map.of("features", 2), 0, 200),
                new Node("dense_b", "dense", Map.of("units", 1), 250, 200)),
                List.of(Edge.of("input", "out", "dense_1", "in"), Edge.of("input_b", "out", "dense_b", "in")));
        EditorModel twoParts = new EditorModel(new CommandStack(two));
        javafx.beans.property.ObjectProperty<Map<String, String>> names =
                new javafx.beans.property.SimpleObjectProperty<>(Map.of());
        SummaryView[] view = new SummaryView[1];
        robot.interact(() -> view[0] = new SummaryView(twoParts, id -> { }, names));
        assertEquals(List.of("Part 1", "Part 1", "Part 2", "Part 2"),
                view[0].summary().rows().stream().map(SummaryRow::part).toList(), "two parts named by nothing");

        // The task is edited: it now names the two parts.
        robot.interact(() -> names.set(Map.of("dense_1", "Generator", "dense_b", "Discriminator")));

        for (String[] nodeAndPart : new String[][] {{"input", "Generator"}, {"dense_1", "Generator"},
                {"input_b", "Discriminator"}, {"dense_b", "Discriminator"}}) {
            assertEquals(nodeAndPart[1], view[0].summary().row(nodeAndPart[0]).orElseThrow().part(), nodeAndPart[0]);
        }
        @SuppressWarnings("unchecked")
        TableView<SummaryRow> table = (TableView<SummaryRow>) view[0].lookup("#model-summary-table");
        assertEquals("Part", table.getColumns().get(0).getText(), "the part column shows");
    }

    @SuppressWarnings("unchecked")
    private static javafx.scene.control.TableRow<SummaryRow> rowOf(FxRobot robot, String nodeId) {
        return robot.lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.getItem() != null && ((SummaryRow) r.getItem()).nodeId().equals(nodeId) && r.isVisible())
                .findFirst().orElseThrow();
    }
}
