package org.netwright.app.runs;

import java.awt.Color;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** View > Runs…: the project's runs in a table; choosing some overlays their curves and compares their settings. */
public final class RunsWindow {
    private final Stage stage = new Stage();
    private final TableView<RunRow> table = new TableView<>();

    public RunsWindow(Window owner, RunsViewModel model) {
        stage.initOwner(owner);
        stage.setTitle("Runs");

        table.setId("runs-table");
        table.setItems(model.rows());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No runs yet: press Train, and every run is kept here."));
        table.getColumns().add(column("Run", RunRow::id, 50));
        table.getColumns().add(column("Status", RunRow::status, 90));
        table.getColumns().add(column("Started", RunRow::started, 140));
        table.getColumns().add(column("Duration", RunRow::duration, 90));
        table.getColumns().add(column("Device", RunRow::device, 70));
        table.getColumns().add(column("Result", RunRow::result, 260));
        table.getColumns().add(column("Settings", RunRow::settings, 240));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRow>) c ->
                model.choose(table.getSelectionModel().getSelectedItems().stream().map(RunRow::id).toList()));

        XYSeriesCollection data = new XYSeriesCollection();
        JFreeChart chart = ChartFactory.createXYLineChart(null, "epoch", "loss", data, PlotOrientation.VERTICAL,
                true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xe6, 0xea, 0xef));
        plot.setRangeGridlinePaint(new Color(0xe6, 0xea, 0xef));
        plot.setNoDataMessage("Choose runs in the table (Ctrl-click for several) to draw their losses together.");
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("runs-chart");
        model.curves().addListener((ListChangeListener<RunsViewModel.Curve>) c -> draw(data, model.curves()));

        Label differences = new Label();
        differences.setId("runs-differences");
        differences.setWrapText(true);
        differences.textProperty().bind(model.differencesProperty());

        VBox lower = new VBox(8, viewer, differences);
        lower.setPadding(new Insets(8));
        VBox.setVgrow(viewer, javafx.scene.layout.Priority.ALWAYS);
        SplitPane split = new SplitPane(table, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        stage.setScene(new Scene(split, 1040, 680));
    }

    private static void draw(XYSeriesCollection data, List<RunsViewModel.Curve> curves) {
        data.removeAllSeries();
        for (RunsViewModel.Curve c : curves) {
            XYSeries s = new XYSeries(c.label(), false, true);
            c.points().forEach(p -> s.add(p[0], p[1]));
            data.addSeries(s);
        }
    }

    private static TableColumn<RunRow, Object> column(String title, Function<RunRow, Object> value, double width) {
        TableColumn<RunRow, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public void show() {
        stage.show();
    }

    /** Chooses the rows of these runs, as a user's clicks would. */
    void select(List<Long> ids) {
        table.getSelectionModel().clearSelection();
        for (int i = 0; i < table.getItems().size(); i++) {
            if (ids.contains(table.getItems().get(i).id())) {
                table.getSelectionModel().select(i);
            }
        }
    }
}
