package org.netwright.editor.summary;

import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.netwright.editor.EditorModel;
import org.netwright.editor.EditorStyles;
import org.netwright.editor.Formats;
import org.netwright.model.catalog.LayerCatalog;

/**
 * The model summary as a table under the totals line. It follows the editor's graph and shapes; clicking a row selects
 * that layer (and hands its id to {@code reveal}, so the canvas can scroll to it), and selecting a card selects its row.
 */
public final class SummaryView extends BorderPane {
    private final EditorModel model;
    private final LayerCatalog catalog = LayerCatalog.standard();
    private final TableView<SummaryRow> table = new TableView<>();
    private final Label totals = new Label();
    private ModelSummary summary;
    private final javafx.beans.value.ObservableValue<Map<String, String>> partNames;
    /** Shown only while the canvas holds more than one network (a GAN's generator and discriminator). */
    private final TableColumn<SummaryRow, String> partColumn = column("Part", SummaryRow::part, 110);
    /** Set while a click on a row selects its layer, so that following the selection leaves the table where it is. */
    private boolean clicked;
    /** Set while the table follows the editor's selection, so that following does not select again. */
    private boolean following;

    public SummaryView(EditorModel model, Consumer<String> reveal) {
        this(model, reveal, new javafx.beans.property.SimpleObjectProperty<>(Map.of()));
    }

    /**
     * @param partNames names the parts of a canvas of unconnected networks by a node each holds (the task's generator
     *                  and discriminator outputs); the summary follows it at once when it changes (the task was
     *                  edited), as it follows the graph; see {@link ModelSummary#of}
     */
    public SummaryView(EditorModel model, Consumer<String> reveal,
                       javafx.beans.value.ObservableValue<Map<String, String>> partNames) {
        this.model = model;
        this.partNames = partNames;
        setId("model-summary");
        getStyleClass().add("model-summary");
        EditorStyles.apply(this);
        table.setId("model-summary-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Layer", r -> r.name() + "  (" + r.nodeId() + ")", 220));
        table.getColumns().add(column("Type", SummaryRow::type, 120));
        table.getColumns().add(column("Output shape", SummaryRow::output, 140));
        table.getColumns().add(numberColumn("Parameters", SummaryRow::params, Formats::count));
        table.getColumns().add(numberColumn("MACs", SummaryRow::macs, n -> n == 0 ? "0" : Formats.macs(n)
                .replace(" MACs", "").replace(" MAC", "")));
        table.getColumns().add(column("Trains", r -> r.trainable() ? "yes" : "frozen", 70));
        table.setPlaceholder(new Label("The graph is empty."));
        // A click on a row (not keyboard scrolling through them) chooses the layer on the canvas.
        table.setRowFactory(t -> {
            TableRow<SummaryRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) {
                    // The clicked row is in view: scrolling it to the top would move the table under the mouse.
                    clicked = true;
                    try {
                        model.selectedNodeProperty().set(row.getItem().nodeId());
                    } finally {
                        clicked = false;
                    }
                    reveal.accept(row.getItem().nodeId());
                }
            });
            return row;
        });
        totals.setId("model-summary-totals");
        totals.getStyleClass().add("model-summary-totals");
        BorderPane.setAlignment(totals, Pos.CENTER_LEFT);
        BorderPane.setMargin(totals, new Insets(4, 8, 4, 8));
        setTop(totals);
        setCenter(table);

        model.shapesProperty().addListener((o, was, now) -> refresh());
        model.graphProperty().addListener((o, was, now) -> refresh());
        partNames.addListener((o, was, now) -> refresh());
        model.selectedNodeProperty().addListener((o, was, now) -> follow(now));
        refresh();
    }

    /** The summary shown now. */
    public ModelSummary summary() {
        return summary;
    }

    private void refresh() {
        ModelSummary next = ModelSummary.of(model.graph(), model.shapes(), catalog,
                java.util.Objects.requireNonNullElse(partNames.getValue(), Map.of()));
        if (next.equals(summary)) {
            return;
        }
        summary = next;
        boolean parts = summary.rows().stream().anyMatch(r -> !r.part().isEmpty());
        if (parts && !table.getColumns().contains(partColumn)) {
            table.getColumns().add(0, partColumn);
        } else if (!parts) {
            table.getColumns().remove(partColumn);
        }
        following = true;
        table.getItems().setAll(summary.rows());
        following = false;
        totals.setText(summary.totalsText());
        follow(model.selectedNodeProperty().get());
    }

    private void follow(String nodeId) {
        if (following) {
            return;
        }
        following = true;
        try {
            if (nodeId == null) {
                table.getSelectionModel().clearSelection();
                return;
            }
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).nodeId().equals(nodeId)) {
                    table.getSelectionModel().clearAndSelect(i);
                    if (!clicked) {
                        table.scrollTo(i);
                    }
                    return;
                }
            }
        } finally {
            following = false;
        }
    }

    private static TableColumn<SummaryRow, String> column(String title, java.util.function.Function<SummaryRow, String> text,
                                                          double width) {
        TableColumn<SummaryRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A right-aligned count that sorts by its number, not its text. */
    private static TableColumn<SummaryRow, Long> numberColumn(String title, java.util.function.ToLongFunction<SummaryRow> value,
                                                              java.util.function.LongFunction<String> text) {
        TableColumn<SummaryRow, Long> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.applyAsLong(cell.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(100);
        return c;
    }
}
