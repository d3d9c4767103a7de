package org.netwright.app.runs;

import java.awt.Color;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.netwright.model.run.RunSummary;
import org.netwright.model.store.ProjectStore;

/**
 * The Runs window (CSS id {@code runs-window}): a table of the project's runs (id, status, epochs, results,
 * duration, device), and for the rows chosen their curves on one chart and, for two, the settings that differ.
 * A chosen run that is not running can be deleted (Delete Run…, after a question that names it), and one that
 * stopped, was interrupted or failed after a checkpoint can go on (Resume, to its own epochs or more; the reason
 * shows under the buttons when it cannot). It only shows {@link RunsViewModel} and forwards the choice.
 */
public final class RunsWindow extends Stage {
    private final RunsViewModel model;
    private final TableView<RunSummary> table = new TableView<>();
    private final JFreeChart chart;
    private java.util.function.Predicate<String> confirm = RunsWindow::askUser;

    public RunsWindow(Window owner, List<String> stylesheets, RunsViewModel model) {
        this.model = model;
        initOwner(owner);
        setTitle("Runs");
        table.setId("runs-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setItems(model.rows());
        // Short titles, each with its words in full on a tooltip: eleven full titles beside the chart did not fit the
        // window's default width, so the last columns (Time, Device) were behind a scroll bar.
        table.getColumns().add(column("Run", "Run number", s -> Long.toString(s.id())));
        TableColumn<RunSummary, String> status = column("Status", "Completed, stopped, interrupted, failed or running",
                RunSummary::status);
        // Wide enough for the longest status word: the even share of the width cut "completed" to "compl…".
        status.setMinWidth(Math.max(status.getMinWidth(), titleWidth(ProjectStore.INTERRUPTED)));
        table.getColumns().add(status);
        // A run that failed or was interrupted shows the last epoch it finished, the cell's tooltip saying so.
        table.getColumns().add(reachedColumn("Epochs", "Epochs trained", r -> r.epochs()));
        table.getColumns().add(column("From", "The run this one resumed",
                s -> s.settings().path("resumed_from").asText("")));
        table.getColumns().add(reachedColumn("Val. loss", "Validation loss at the end",
                r -> figure(r, r.valLoss())));
        table.getColumns().add(reachedColumn("Val. acc.", "Validation accuracy at the end",
                r -> figure(r, r.valAccuracy())));
        table.getColumns().add(column("Test acc.", "Test accuracy",
                s -> RunsViewModel.number(s.metric("test_accuracy"))));
        table.getColumns().add(column("Rate", "Learning rate", s -> s.settings().path("learning_rate").asText("")));
        table.getColumns().add(column("Batch", "Batch size", s -> s.settings().path("batch_size").asText("")));
        table.getColumns().add(column("Time", "How long it ran", s -> RunsViewModel.duration(s.durationSeconds())));
        table.getColumns().add(column("Device", "Where it trained", RunSummary::device));
        // Every row as tall as the others: without a fixed size, rows other than a clicked one were laid out shorter.
        table.setFixedCellSize(ROW_HEIGHT);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        Label none = new Label();
        none.setId("runs-placeholder");
        // Until the first read is back the table is empty because it is being read, not because there are no runs.
        none.textProperty().bind(javafx.beans.binding.Bindings.when(model.readingProperty())
                .then("Reading the project's runs\u2026").otherwise("No runs yet: press Train."));
        table.setPlaceholder(none);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunSummary>) c ->
                model.compare(table.getSelectionModel().getSelectedItems().stream().map(RunSummary::id).toList()));

        chart = ChartFactory.createXYLineChart(null, "epoch", "loss", model.overlay(),
                PlotOrientation.VERTICAL, true, false, false);
        org.netwright.app.charts.ReadableAxis.onRange(chart.getXYPlot());
        // Epochs are whole numbers, and a run of one epoch is one point: it gets a marker and an axis one epoch wide
        // (its range of zero width was labelled "1E0" eleven times with nothing drawn).
        org.jfree.chart.axis.NumberAxis epochAxis = (org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getDomainAxis();
        epochAxis.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        epochAxis.setAutoRangeMinimumSize(1);
        ((org.jfree.chart.renderer.xy.XYLineAndShapeRenderer) chart.getXYPlot().getRenderer())
                .setDefaultShapesVisible(true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setBackgroundPaint(Color.WHITE);
        chart.getXYPlot().setNoDataMessage("Choose runs in the table to draw their curves.");
        // Backgrounds, grid and axes in the app's theme, following it when it changes.
        org.netwright.app.theme.ChartColors.follow(chart);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("runs-chart");
        viewer.setPrefSize(480, 260);

        Label caption = new Label();
        caption.setId("runs-caption");
        caption.setWrapText(true);
        caption.textProperty().bind(model.captionProperty());
        ListView<String> differences = new ListView<>(model.differences());
        differences.setId("runs-differences");
        differences.setPrefHeight(120);
        differences.setPlaceholder(new Label("Choose two runs to see the settings they differ in."));

        Button refresh = new Button("Refresh");
        refresh.setId("runs-refresh");
        refresh.setOnAction(e -> model.refresh());
        VBox right = new VBox(6, caption, viewer, new Label("Settings that differ"), differences);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        Button delete = new Button("Delete Run…");
        delete.setId("runs-delete");
        // One run at a time, and never one that is still running (the store would refuse it anyway).
        delete.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            List<RunSummary> chosen = table.getSelectionModel().getSelectedItems();
            return chosen.size() != 1 || RunsViewModel.whyNotDelete(chosen.get(0)).isPresent();
        }, table.getSelectionModel().getSelectedItems()));
        delete.setOnAction(e -> {
            RunSummary run = table.getSelectionModel().getSelectedItem();
            if (run != null && confirm.test(RunsViewModel.deleteQuestion(run))) {
                model.delete(run.id());
            }
        });
        Button resume = new Button("Resume");
        resume.setId("runs-resume");
        resume.disableProperty().bind(model.resumableProperty().not());
        resume.setOnAction(e -> model.resume());
        // A completed run goes on only to more epochs than it trained: the user sets how many in all.
        javafx.scene.control.Spinner<Integer> epochs = new javafx.scene.control.Spinner<>(1, 100_000, 1);
        epochs.setId("runs-resume-epochs");
        epochs.setEditable(true);
        epochs.setPrefWidth(90);
        epochs.getValueFactory().valueProperty().addListener((o, was, now) -> {
            if (now != null && now != model.resumeEpochsProperty().get()) {
                model.resumeEpochsProperty().set(now);
            }
        });
        model.resumeEpochsProperty().addListener((o, was, now) -> {
            if (now.intValue() > 0 && !now.equals(epochs.getValue())) {
                epochs.getValueFactory().setValue(now.intValue());
            }
        });
        epochs.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Label epochsLabel = new Label("epochs in all");
        // A disabled button shows no tooltip: the reason is a line of its own under the buttons.
        Label resumeReason = new Label();
        resumeReason.setId("runs-resume-reason");
        resumeReason.setWrapText(true);
        resumeReason.getStyleClass().add("hint");
        resumeReason.textProperty().bind(model.resumeReasonProperty());
        Button close = new Button("Close");
        close.setId("runs-close");
        close.setCancelButton(true);
        close.setOnAction(e -> hide());
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, refresh, delete, resume, epochs, epochsLabel, gap, close);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox left = new VBox(6, table, buttons, resumeReason);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox root = new HBox(12, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        root.setPadding(new Insets(10));
        root.setId("runs-window");
        // Wide enough for every column's whole (short) title beside the chart, without a horizontal scroll bar.
        Scene scene = new Scene(root, 1360, 480);
        scene.getStylesheets().addAll(stylesheets);
        setScene(scene);
        model.compare(List.of());
    }

    /** Reads the runs again and shows the window. */
    public void open() {
        model.refresh();
        show();
        toFront();
    }

    /** A row's height in the table, the same for every row whether chosen or not. */
    static final double ROW_HEIGHT = Math.ceil(javafx.scene.text.Font.getDefault().getSize() * 2.15);

    private static TableColumn<RunSummary, String> column(String title, String words,
                                                          java.util.function.Function<RunSummary, String> text) {
        TableColumn<RunSummary, String> c = new TableColumn<>();
        // The title is a label of its own so it can carry its words in full (a column has no tooltip).
        Label header = new Label(title);
        header.setTooltip(new javafx.scene.control.Tooltip(words));
        header.setMinWidth(Label.USE_PREF_SIZE);
        c.setGraphic(header);
        c.setId("runs-column-" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", "-"));
        // A title cut to "Ep…" says nothing: no column is narrower than its title.
        c.setMinWidth(titleWidth(title));
        c.setCellValueFactory(row -> new ReadOnlyStringWrapper(text.apply(row.getValue())));
        return c;
    }

    /** A figure of what a run reached: a dash, as its epochs, when it finished no epoch. */
    private static String figure(RunsViewModel.Reached r, Double value) {
        return value == null && RunsViewModel.NONE.equals(r.epochs()) ? RunsViewModel.NONE : RunsViewModel.number(value);
    }

    /**
     * A column of what a run reached ({@link RunsViewModel#reached}); a cell whose figures are not the run's final
     * ones carries, on its tooltip, where they come from.
     */
    private TableColumn<RunSummary, String> reachedColumn(String title, String words,
                                                          java.util.function.Function<RunsViewModel.Reached, String> text) {
        TableColumn<RunSummary, String> c = column(title, words, s -> text.apply(model.reached(s)));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                RunSummary run = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(run == null ? null : model.reached(run).note()
                        .map(javafx.scene.control.Tooltip::new).orElse(null));
            }
        });
        return c;
    }

    /** The width a column needs to show {@code title} whole, in the table header's font. */
    static double titleWidth(String title) {
        return org.netwright.app.theme.ColumnTitles.width(title);
    }

    private static boolean askUser(String question) {
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                question, javafx.scene.control.ButtonType.CANCEL);
        javafx.scene.control.ButtonType delete = new javafx.scene.control.ButtonType("Delete",
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().add(0, delete);
        alert.setTitle("Delete Run");
        alert.setHeaderText(null);
        alert.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        // Cancel is the default: a stray Enter keeps the run.
        ((Button) alert.getDialogPane().lookupButton(delete)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(javafx.scene.control.ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(delete::equals).isPresent();
    }

    /** Replaces the question asked before a run is deleted (tests answer it without a dialog). */
    public void setConfirm(java.util.function.Predicate<String> confirm) {
        this.confirm = confirm;
    }

    /** The overlay chart, for tests. */
    public JFreeChart chart() {
        return chart;
    }

    /** The table, for tests. */
    public TableView<RunSummary> table() {
        return table;
    }
}
