package org.netwright.app.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.store.ProjectStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Runs window lists every run and overlays the chosen ones' curves with what differs between them. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class RunsWindowUiTest {
    @TempDir
    static Path dir;
    private ProjectStore store;
    private RunsWindow window;

    @Start
    void start(Stage stage) {
        store = RunsViewModelTest.project(dir.resolve("ui-" + System.nanoTime() + ".nwproj"));
        window = new RunsWindow(stage, new RunsViewModel(store, Runnable::run, Platform::runLater));
        window.show();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void choosingTwoRunsDrawsBothAndSaysWhatDiffers(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#runs-table").queryAs(TableView.class);
        assertEquals(3, table.getItems().size());
        javafx.scene.Node second = robot.lookup(".table-row-cell").nth(1).query();
        javafx.scene.Node third = robot.lookup(".table-row-cell").nth(2).query();
        robot.clickOn(second);
        robot.press(javafx.scene.input.KeyCode.CONTROL);
        robot.clickOn(third);
        robot.release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> series(robot) == 2);
        String diff = robot.lookup("#runs-differences").queryAs(Label.class).getText();
        assertTrue(diff.startsWith("From run 1 to run 2:"), diff);
        assertTrue(diff.contains("epochs: 2 → 3"), diff);
    }

    @Test
    void theWindowShowsEveryRunsStatus(FxRobot robot) {
        TableView<?> table = robot.lookup("#runs-table").queryAs(TableView.class);
        assertEquals(List.of("failed", "stopped", "completed"),
                table.getItems().stream().map(r -> ((RunRow) r).status()).toList());
        assertEquals(0, series(robot));
    }

    private static int series(FxRobot robot) {
        ChartViewer viewer = robot.lookup("#runs-chart").queryAs(ChartViewer.class);
        return viewer.getChart().getXYPlot().getDataset().getSeriesCount();
    }
}
