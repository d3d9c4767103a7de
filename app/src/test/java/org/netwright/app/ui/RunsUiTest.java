package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.runs.RunsWindow;
import org.netwright.app.training.RunStarter;
import org.netwright.model.json.SettingsJson;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.ProjectStore;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Runs… opens the project's runs with their status; choosing two overlays their curves and lists what differs. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class RunsUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;

    @Start
    void start(Stage stage) {
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        app = AppWindowFixture.open(stage, dir, t.graph(), t.settings(), RunStarter.childJvm());
        try (ProjectStore other = ProjectStore.open(app.file)) {
            for (double lr : new double[] {0.01, 0.05}) {
                long id = other.startRun(SettingsJson.write(t.settings().withLearningRate(lr)), "cpu");
                other.appendMetrics(id, List.of(new MetricPoint(19, 1, "validate/loss", 0.6 - lr, 1),
                        new MetricPoint(38, 2, "validate/loss", 0.5 - lr, 2)));
                other.finishRun(id, "completed", "{\"val_loss\":" + (0.5 - lr) + ",\"epochs\":2}");
            }
        }
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void runsAreListedAndTwoAreCompared(FxRobot robot) {
        robot.clickOn("#runs-button");
        WaitForAsyncUtils.waitForFxEvents();
        RunsWindow window = app.window.trainingPanel().runsWindow();
        assertTrue(window.isShowing());
        TableView<?> table = window.table();
        // The runs are read beside the window and shown when read.
        AppWindowFixture.waitUntil("the runs read", 30, () -> table.getItems().size() == 2);
        assertEquals(2, table.getItems().size());
        robot.interact(() -> table.getSelectionModel().selectAll());
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<String> differences = (ListView<String>) window.getScene().lookup("#runs-differences");
        assertEquals(1, differences.getItems().size(), differences.getItems().toString());
        assertTrue(differences.getItems().get(0).startsWith("learning_rate: 0.05 (run 2) vs 0.01 (run 1)"),
                differences.getItems().toString());
        // Every column shows its whole title (they were cut to "Ep…", "T…", "D…").
        for (var column : table.getColumns()) {
            assertTrue(column.getWidth() >= column.getMinWidth() && column.getMinWidth() > 40, column.getText());
        }
        for (javafx.scene.Node label : table.lookupAll(".column-header .label")) {
            javafx.scene.control.Label l = (javafx.scene.control.Label) label;
            if (!l.getText().isEmpty()) {
                assertTrue(l.getWidth() >= l.prefWidth(-1) - 0.5, "the title '" + l.getText() + "' is cut: " + l.getWidth()
                        + " < " + l.prefWidth(-1));
            }
        }
        // Every cell shows its text whole ("completed" was cut to "compl…").
        for (javafx.scene.Node cell : table.lookupAll(".table-cell")) {
            if (cell instanceof javafx.scene.control.TableCell<?, ?> c && c.getText() != null && !c.getText().isEmpty()) {
                assertTrue(AppWindowFixture.shownWhole(c), "the cell '" + c.getText() + "' is cut");
            }
        }
        // The Status column has room for every status word, not only those of these runs.
        javafx.scene.control.TableCell<?, ?> statusCell = table.lookupAll(".table-cell").stream()
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> "completed".equals(c.getText())).findFirst().orElseThrow();
        for (String word : List.of("completed", "stopped", "interrupted", "failed", "running")) {
            javafx.scene.text.Text t = new javafx.scene.text.Text(word);
            t.setFont(statusCell.getFont());
            double need = t.getLayoutBounds().getWidth() + statusCell.snappedLeftInset() + statusCell.snappedRightInset();
            assertTrue(statusCell.getWidth() >= need, "'" + word + "' needs " + need + " px, the Status column has "
                    + statusCell.getWidth());
        }
        // At the window's default size every column fits: no horizontal scroll bar (Time and Device were behind one).
        assertEquals(1360, window.getScene().getWidth(), 0.5);
        double columns = table.getColumns().stream().mapToDouble(c -> c.getWidth()).sum();
        assertTrue(columns <= table.getWidth(), "columns " + columns + " px in a table " + table.getWidth() + " px");
        for (javafx.scene.Node bar : table.lookupAll(".scroll-bar")) {
            if (bar instanceof javafx.scene.control.ScrollBar sb
                    && sb.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                assertTrue(!sb.isVisible(), "the table scrolls sideways");
            }
        }
        // The chart's epoch axis counts whole epochs, at least one wide, and its loss axis labels a handful of ticks.
        org.jfree.chart.axis.NumberAxis epochs = (org.jfree.chart.axis.NumberAxis) window.chart().getXYPlot()
                .getDomainAxis();
        assertTrue(epochs.getRange().getLength() >= 1 && epochs.getAutoRangeMinimumSize() >= 1, epochs.getRange().toString());
        assertTrue(window.chart().getXYPlot().getRangeAxis() instanceof org.netwright.app.charts.ReadableAxis);
        // Each short title carries its words in full.
        var rate = (javafx.scene.control.Label) table.getColumns().get(7).getGraphic();
        assertEquals("Rate", rate.getText());
        assertEquals("Learning rate", rate.getTooltip().getText());
        // A clicked row leaves every row as tall as before (the other rows got shorter).
        robot.interact(() -> table.getSelectionModel().clearSelection());
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> before = rowHeights(table);
        robot.clickOn(table.lookupAll(".table-row-cell").stream()
                .filter(r -> ((javafx.scene.control.TableRow<?>) r).getIndex() == 1).findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, table.getSelectionModel().getSelectedIndex());
        assertEquals(before, rowHeights(table));
        assertTrue(before.get(0) >= 20, before.toString());
        // Esc (the Close button is the cancel button) closes the window.
        robot.interact(() -> window.getScene().getRoot().requestFocus());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!window.isShowing(), "Esc closes the runs window");
    }

    private static List<Double> rowHeights(TableView<?> table) {
        return table.lookupAll(".table-row-cell").stream().map(r -> (javafx.scene.control.TableRow<?>) r)
                .filter(r -> r.getIndex() >= 0 && r.getIndex() < table.getItems().size())
                .sorted(java.util.Comparator.comparingInt(javafx.scene.control.TableRow::getIndex))
                .map(r -> r.getHeight()).toList();
    }

    @Test
    void aChosenRunIsDeletedAfterAQuestionThatNamesIt(FxRobot robot) {
        robot.clickOn("#runs-button");
        WaitForAsyncUtils.waitForFxEvents();
        RunsWindow window = app.window.trainingPanel().runsWindow();
        AppWindowFixture.waitUntil("the runs read", 30, () -> window.table().getItems().size() == 2);
        List<String> asked = new java.util.ArrayList<>();
        window.setConfirm(q -> {
            asked.add(q);
            return true;
        });
        javafx.scene.control.Button delete = (javafx.scene.control.Button) window.getScene().lookup("#runs-delete");
        assertTrue(delete.isDisabled(), "nothing chosen, nothing to delete");
        robot.interact(() -> window.table().getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(delete);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).startsWith("Delete run 1 (completed"), asked.get(0));
        AppWindowFixture.waitUntil("the runs read again", 30, () -> window.table().getItems().size() == 1);
        assertEquals(1, window.table().getItems().size());
        assertEquals(2L, ((org.netwright.model.run.RunSummary) window.table().getItems().get(0)).id());
        try (ProjectStore store = ProjectStore.open(app.file)) {
            assertEquals(List.of(2L), store.runs().stream().map(r -> r.id()).toList());
            assertTrue(store.metrics(1).isEmpty(), "its curves went with it");
            assertEquals(2, store.metrics(2).size(), "the other run kept its curves");
        }
        assertEquals(2, app.window.trainingPanel().model().validationLossPointCount(),
                "the training panel shows the run left, not the deleted one");
        robot.interact(window::hide);
    }
}
