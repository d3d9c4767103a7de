package org.netwright.app.training;

import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Training options window (CSS id {@code training-options}): every option of {@link TrainingOptionsModel} with
 * its help line, a refusal in red under the field it concerns, and the schedule chart beside the schedule. It
 * only shows the model; the options are off while a run trains.
 */
public final class TrainingOptionsDialog extends Stage {
    private static final double COLUMN = 360;

    /** @param stylesheets the main window's, so the options look like the panel they belong to */
    public TrainingOptionsDialog(Window owner, List<String> stylesheets, TrainingOptionsModel model,
                                 ObservableBooleanValue running) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Training options");
        Map<String, List<OptionField>> sections = model.sections();

        VBox first = column(sections, running, "Optimizer", "Loss and data");
        VBox second = column(sections, running, "Learning-rate schedule");
        ChartViewer chart = ScheduleChart.create(model.schedule());
        chart.setPrefSize(COLUMN, 190);
        chart.setMinSize(200, 150);
        Label note = new Label();
        note.setId("schedule-note");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.setMaxWidth(COLUMN);
        note.textProperty().bind(model.schedule().noteProperty());
        note.setMinHeight(Region.USE_PREF_SIZE);
        model.schedule().refusedProperty().addListener((o, was, is) -> {
            note.getStyleClass().removeAll("hint", "error");
            note.getStyleClass().add(is ? "error" : "hint");
        });
        second.getChildren().addAll(chart, note);
        second.getChildren().add(column(sections, running, "Regularization and clipping"));
        VBox third = column(sections, running, "Early stopping", "Start and device");

        Button close = new Button("Close");
        close.setId("options-close");
        close.setCancelButton(true);
        close.setOnAction(e -> hide());
        Label saved = new Label("Each value is saved with the project as soon as it is accepted.");
        saved.getStyleClass().add("hint");
        HBox bottom = new HBox(12, saved, close);
        HBox.setHgrow(saved, Priority.ALWAYS);
        saved.setMaxWidth(Double.MAX_VALUE);
        bottom.setAlignment(Pos.CENTER_RIGHT);

        HBox columns = new HBox(24, first, second, third);
        VBox root = new VBox(14, columns, bottom);
        root.setId("training-options");
        root.getStyleClass().add("training-options");
        root.setPadding(new Insets(16, 18, 14, 18));
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(stylesheets);
        // The chart follows the schedule as it is typed, before Enter saves it.
        TextField schedule = (TextField) scene.lookup("#option-schedule");
        schedule.textProperty().addListener((o, was, now) -> model.schedule().specProperty().set(now));
        setScene(scene);
        // A longer note or a refusal adds lines: the window grows to show them rather than cutting words off.
        root.heightProperty().addListener((o, was, now) -> refit(root));
        model.schedule().noteProperty().addListener((o, was, now) -> Platform.runLater(() -> refit(root)));
        for (List<OptionField> fields : sections.values()) {
            for (OptionField f : fields) {
                f.errorProperty().addListener((o, was, now) -> Platform.runLater(() -> refit(root)));
            }
        }
    }

    private void refit(Region root) {
        double wanted = root.prefHeight(root.getWidth());
        if (getScene() != null && Math.abs(getScene().getHeight() - wanted) > 1) {
            sizeToScene();
        }
    }

    private static VBox column(Map<String, List<OptionField>> sections, ObservableBooleanValue running,
                               String... titles) {
        VBox box = new VBox(8);
        box.setPrefWidth(COLUMN);
        box.setMaxWidth(COLUMN);
        for (String title : titles) {
            Label heading = new Label(title);
            heading.getStyleClass().add("section-title");
            box.getChildren().addAll(heading, grid(sections.get(title), running));
        }
        return box;
    }

    private static GridPane grid(List<OptionField> fields, ObservableBooleanValue running) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(2);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(90);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, inputs);
        int row = 0;
        for (OptionField f : fields) {
            Control control = control(f);
            control.disableProperty().bind(f.applicableProperty().not().or(running));
            Label label = new Label(f.label());
            label.setLabelFor(control);
            label.disableProperty().bind(control.disableProperty());
            grid.add(label, 0, row);
            grid.add(control, 1, row++);

            Label help = new Label(f.help());
            help.setId(f.id() + "-help");
            help.getStyleClass().addAll("hint", "option-help");
            help.setWrapText(true);
            help.setMaxWidth(COLUMN);
            help.setMinHeight(Region.USE_PREF_SIZE);
            grid.add(help, 0, row++, 2, 1);

            Label error = new Label();
            error.setId(f.id() + "-error");
            error.getStyleClass().add("error");
            error.setWrapText(true);
            error.setMaxWidth(COLUMN);
            error.setMinHeight(Region.USE_PREF_SIZE);
            error.textProperty().bind(f.errorProperty());
            error.managedProperty().bind(f.errorProperty().isNotEmpty());
            error.visibleProperty().bind(error.managedProperty());
            grid.add(error, 0, row++, 2, 1);
            GridPane.setMargin(help, new Insets(0, 0, 6, 0));
        }
        return grid;
    }

    private static Control control(OptionField f) {
        return switch (f.kind()) {
            case TEXT -> textField(f);
            case CHOICE -> comboBox(f);
            case FLAG -> checkBox(f);
        };
    }

    /** Commits on Enter or when focus leaves; a refused value is put back to the saved one. */
    private static TextField textField(OptionField f) {
        TextField t = new TextField(f.valueProperty().get());
        t.setId(f.id());
        t.setPrefColumnCount(8);
        f.valueProperty().addListener((o, was, now) -> t.setText(now));
        Runnable apply = () -> {
            f.commit(t.getText());
            t.setText(f.valueProperty().get());
        };
        t.setOnAction(e -> apply.run());
        t.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                apply.run();
            }
        });
        return t;
    }

    private static ComboBox<String> comboBox(OptionField f) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(f.id());
        box.getItems().setAll(f.choices());
        box.setValue(f.valueProperty().get());
        box.setMaxWidth(Double.MAX_VALUE);
        f.valueProperty().addListener((o, was, now) -> box.setValue(now));
        box.valueProperty().addListener((o, was, now) -> {
            if (now != null && !now.equals(f.valueProperty().get())) {
                f.commit(now);
                box.setValue(f.valueProperty().get());
            }
        });
        return box;
    }

    private static CheckBox checkBox(OptionField f) {
        CheckBox box = new CheckBox();
        box.setId(f.id());
        box.setSelected(Boolean.parseBoolean(f.valueProperty().get()));
        f.valueProperty().addListener((o, was, now) -> box.setSelected(Boolean.parseBoolean(now)));
        box.selectedProperty().addListener((o, was, now) -> {
            f.commit(Boolean.toString(now));
            box.setSelected(Boolean.parseBoolean(f.valueProperty().get()));
        });
        return box;
    }
}
