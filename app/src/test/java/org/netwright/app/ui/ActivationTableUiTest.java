package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netwright.app.training.ActivationRow;
import org.netwright.app.training.ActivationTable;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The layer statistics table shows every layer's name whole at the width the Gradients tabs give it. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ActivationTableUiTest {
    private final ObservableList<ActivationRow> rows = FXCollections.observableArrayList();
    private ActivationTable table;

    @Start
    void start(Stage stage) {
        table = new ActivationTable(rows, "activation-table-under-test", "Nothing yet.");
        // As wide as the insight window's and the training panel's tables (500 px at most).
        StackPane root = new StackPane(table);
        stage.setScene(new Scene(root, 500, 260));
        stage.show();
    }

    @Test
    void longLayerNamesShowWholeAndTheTableDoesNotScrollSideways(FxRobot robot) {
        robot.interact(() -> rows.setAll(
                new ActivationRow("conv2d_1", "0.0422", "0.569", "0.0 %", ""),
                new ActivationRow("max_pool2d_1", "0.269", "0.565", "23.0 %", ""),
                new ActivationRow("transformer_encoder_2", "-0.0008737", "1.02", "0.0 %", ""),
                new ActivationRow("relu_3", "0.0", "0.0", "100.0 %", "all zero")));
        WaitForAsyncUtils.waitForFxEvents();
        AppWindowFixture.waitUntil("the cells laid out", 10, () -> table.lookupAll(".table-cell").stream()
                .anyMatch(n -> "transformer_encoder_2".equals(((TableCell<?, ?>) n).getText())));
        List<String> cut = new ArrayList<>();
        for (javafx.scene.Node n : table.lookupAll(".table-cell")) {
            TableCell<?, ?> cell = (TableCell<?, ?>) n;
            boolean layerColumn = cell.getTableColumn() == table.getColumns().get(0);
            if (layerColumn && cell.getText() != null && !cell.getText().isEmpty() && !AppWindowFixture.shownWhole(cell)) {
                cut.add(cell.getText());
            }
        }
        assertEquals(List.of(), cut, "layer names shown cut");
        double columns = table.getColumns().stream().mapToDouble(c -> c.getWidth()).sum();
        assertTrue(columns <= table.getWidth(), "columns " + columns + " px in a table " + table.getWidth() + " px");
    }
}
