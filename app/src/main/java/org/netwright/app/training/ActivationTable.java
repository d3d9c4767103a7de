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
        getColumns().add(column("Layer", ActivationRow::layer, 110));
        getColumns().add(column("Mean", ActivationRow::mean, 72));
        getColumns().add(column("Std", ActivationRow::std, 72));
        getColumns().add(column("Zeros", ActivationRow::zeros, 76));
        getColumns().add(column("", r -> r.isProblem() ? "\u26a0 " + r.problem() : "", 150));
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
