package org.netwright.app.insight;

import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.netwright.app.theme.ColumnTitles;

/**
 * Activation statistics per layer on test samples: mean, std, the share of exact zeros and of saturated values
 * (sigmoid and tanh layers), a small histogram per row and a large one of the chosen layer. A layer that is mostly
 * zero (dead ReLUs), saturated or constant has its row in red and says so in the Health column.
 */
final class ActivationsPanel extends VBox {
    private static final Color BAR = Color.web("#1a73e8");
    private final TableView<InsightData.LayerActivations> table = new TableView<>();
    /** Rows at one height, so the table can be sized to show every layer. */
    static final double ROW_HEIGHT = 26;
    /** The header row's height until the table is drawn and its own can be read. */
    private static final double HEADER_HEIGHT = 40;
    /** The table's border and a pixel of slack, so the last row needs no scroll bar. */
    private static final double BORDERS = 4;
    private final Canvas histogram = new Canvas(520, 120);
    private final Label histogramCaption = new Label();

    ActivationsPanel(InsightViewModel model) {
        super(8);
        setId("activations-panel");
        setPadding(new Insets(10, 0, 0, 0));
        Button load = new Button("Compute Activation Statistics");
        load.setId("activations-button");
        load.disableProperty().bind(model.busyProperty());
        load.setOnAction(e -> model.loadActivations());
        Label explain = new Label("Each layer's outputs on the first " + InsightViewModel.ACTIVATION_SAMPLES
                + " test samples. Red rows: mostly zero (dead ReLUs), saturated (a sigmoid or tanh stuck near its"
                + " bounds) or constant; such layers pass little gradient back.");
        explain.setWrapText(true);
        table.setId("activations-table");
        table.setPlaceholder(new Label("Press Compute Activation Statistics."));
        table.getColumns().add(text("Layer", InsightData.LayerActivations::id, 150));
        table.getColumns().add(text("Type", InsightData.LayerActivations::type, 110));
        // Wide enough for the longest figure four digits make, "-0.0001234" or "-1.234e-05" (80 px cut it to "-0.000…").
        table.getColumns().add(text("Mean", l -> number(l.mean()), 100));
        table.getColumns().add(text("Std", l -> number(l.std()), 100));
        table.getColumns().add(text("Zeros", l -> percent(l.zeros()), 70));
        table.getColumns().add(text("Saturated", l -> percent(l.saturated()), 80));
        TableColumn<InsightData.LayerActivations, InsightData.LayerActivations> bars = new TableColumn<>("Histogram");
        bars.setPrefWidth(140);
        bars.setMinWidth(ColumnTitles.width("Histogram"));
        bars.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        bars.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(InsightData.LayerActivations item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                Canvas small = new Canvas(120, 18);
                // On white, so the bars stay readable on a selected (blue) row.
                small.getGraphicsContext2D().setFill(Color.WHITE);
                small.getGraphicsContext2D().fillRect(0, 0, 120, 18);
                drawHistogram(small.getGraphicsContext2D(), item.histogram(), 120, 18);
                setGraphic(small);
            }
        });
        table.getColumns().add(bars);
        table.getColumns().add(text("Health", l -> l.problem().isEmpty() ? "ok" : "⚠ " + l.problem(), 150));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(InsightData.LayerActivations item, boolean empty) {
                super.updateItem(item, empty);
                boolean bad = !empty && item != null && !item.problem().isEmpty();
                setStyle(bad ? "-fx-background-color: #fde2e1; -fx-font-weight: bold; -fx-text-background-color: #b71c1c"
                        : "");
            }
        });
        // Tall enough for every layer (the header as the theme draws it, and one fixed-height row each) as far as the
        // window allows, and no taller; the histogram below keeps its size.
        table.setFixedCellSize(ROW_HEIGHT);
        javafx.beans.property.DoubleProperty header = new javafx.beans.property.SimpleDoubleProperty(HEADER_HEIGHT);
        table.skinProperty().addListener((o, was, skin) -> {
            if (table.lookup(".column-header-background") instanceof javafx.scene.layout.Region r) {
                header.bind(r.heightProperty());
            }
        });
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(table.getItems()).multiply(ROW_HEIGHT)
                .add(header).add(BORDERS));
        table.setMinHeight(HEADER_HEIGHT + 3 * ROW_HEIGHT);
        table.maxHeightProperty().bind(table.prefHeightProperty());
        VBox.setVgrow(table, javafx.scene.layout.Priority.SOMETIMES);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showHistogram(now));
        histogramCaption.setId("activation-histogram-caption");
        histogram.setId("activation-histogram");
        model.activationsProperty().addListener((o, was, now) -> {
            table.getItems().setAll(now == null ? java.util.List.of() : now.layers());
            if (!table.getItems().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        });
        getChildren().addAll(InsightView.title("Activation statistics per layer"), explain, load, table,
                histogramCaption, histogram);
    }

    private void showHistogram(InsightData.LayerActivations l) {
        GraphicsContext g = histogram.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, histogram.getWidth(), histogram.getHeight());
        if (l == null) {
            histogramCaption.setText("");
            return;
        }
        histogramCaption.setText(String.format(Locale.ROOT, "%s: %,d values from %.4g to %.4g%s", l.id(), l.count(),
                l.min(), l.max(), l.problem().isEmpty() ? "" : " — " + l.problem()));
        drawHistogram(g, l.histogram(), histogram.getWidth(), histogram.getHeight() - 16);
        g.setFill(Color.web("#1f2933"));
        g.fillText(String.format(Locale.ROOT, "%.3g", l.min()), 0, histogram.getHeight() - 3);
        g.setTextAlign(javafx.scene.text.TextAlignment.RIGHT);
        g.fillText(String.format(Locale.ROOT, "%.3g", l.max()), histogram.getWidth(), histogram.getHeight() - 3);
        g.setTextAlign(javafx.scene.text.TextAlignment.LEFT);
    }

    /** Bars of {@code counts} filling {@code w}×{@code h}, scaled to the tallest. */
    static void drawHistogram(GraphicsContext g, long[] counts, double w, double h) {
        long top = 1;
        for (long c : counts) {
            top = Math.max(top, c);
        }
        double bw = w / Math.max(1, counts.length);
        g.setFill(BAR);
        for (int i = 0; i < counts.length; i++) {
            double bh = h * counts[i] / top;
            g.fillRect(i * bw, h - bh, Math.max(1, bw - 1), bh);
        }
    }

    private static TableColumn<InsightData.LayerActivations, String> text(String title,
            Function<InsightData.LayerActivations, String> value, double width) {
        TableColumn<InsightData.LayerActivations, String> c = new TableColumn<>(title);
        c.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        // No title cut to "Satur…": each column at least its title's width.
        c.setMinWidth(ColumnTitles.width(title));
        c.setPrefWidth(Math.max(width, c.getMinWidth()));
        return c;
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.4g", v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    /** The table, for tests. */
    TableView<InsightData.LayerActivations> table() {
        return table;
    }
}
