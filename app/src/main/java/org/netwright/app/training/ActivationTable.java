package org.netwright.app.training;

import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * Layers' output statistics as a table (layer, mean, std, zeros, what looks wrong), rows that look stuck in red; the
 * training panel's Gradients tab lists a live or reopened run's latest epoch in one, the insight window a chosen
 * epoch of a stored run.
 */
public final class ActivationTable extends TableView<ActivationRow> {
    /** A table of {@code rows} with CSS id {@code id}, saying {@code placeholder} while it is empty. */
    public ActivationTable(ObservableList<ActivationRow> rows, String id, String placeholder) {
        super(rows);
        setId(id);
        Label waiting = new Label(placeholder);
        waiting.setWrapText(true);
        waiting.setPadding(new Insets(8));
        setPlaceholder(waiting);
        // Numbers at full width ("100.0 %" included); the verdict column takes what is left.
        TableColumn<ActivationRow, String> layer = column("Layer", ActivationRow::layer, LAYER_WIDTH);
        getColumns().add(layer);
        getColumns().add(column("Mean", ActivationRow::mean, 72));
        getColumns().add(column("Std", ActivationRow::std, 72));
        getColumns().add(column("Zeros", ActivationRow::zeros, 76));
        TableColumn<ActivationRow, String> verdict = column("", r -> r.isProblem() ? "\u26a0 " + r.problem() : "", 150);
        verdict.setMinWidth(60);
        getColumns().add(verdict);
        // The columns fill the table, the Layer column as wide as the longest name ("max_pool2…" said little); the
        // verdict column gives way.
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY);
        rows.addListener((javafx.collections.ListChangeListener<ActivationRow>) c -> fitLayerNames(layer, rows));
        fitLayerNames(layer, rows);
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ActivationRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("activation-stuck");
                if (!empty && item != null && item.isProblem()) {
                    getStyleClass().add("activation-stuck");
                }
                setStyle(!empty && item != null && item.isProblem()
                        ? "-fx-background-color: #fde2e1; -fx-text-background-color: #b71c1c" : "");
            }
        });
    }

    /** The Layer column's width when every name fits in it. */
    private static final double LAYER_WIDTH = 110;

    /** Widens the Layer column to the longest layer name among {@code rows}, never below its usual width. */
    private static void fitLayerNames(TableColumn<ActivationRow, String> layer, java.util.List<ActivationRow> rows) {
        javafx.scene.text.Font font = javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                Math.max(13, javafx.scene.text.Font.getDefault().getSize()));
        double widest = rows.stream().mapToDouble(r -> {
            javafx.scene.text.Text t = new javafx.scene.text.Text(r.layer());
            t.setFont(font);
            // The cell's padding on both sides, and a little to spare for a theme's slightly wider face.
            return Math.ceil(t.getLayoutBounds().getWidth()) + 24;
        }).max().orElse(0);
        double width = Math.max(LAYER_WIDTH, widest);
        layer.setMinWidth(width);
        layer.setPrefWidth(width);
    }

    private static TableColumn<ActivationRow, String> column(String title, Function<ActivationRow, String> value,
                                                             double width) {
        TableColumn<ActivationRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(row -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(row.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setSortable(false);
        return c;
    }
}
