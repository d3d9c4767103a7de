package org.netwright.app.exchange;

import java.io.File;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** File > Export trained model…: run, format and folder, bound to an {@link ExportViewModel}. */
public final class ExportDialog {
    private final Stage stage = new Stage();

    public ExportDialog(Window owner, ExportViewModel model) {
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Export trained model");

        ChoiceBox<ExportViewModel.RunChoice> run = new ChoiceBox<>();
        run.setId("export-run");
        run.getItems().setAll(model.runs());
        run.valueProperty().bindBidirectional(model.runProperty());

        ChoiceBox<ExportFormat> format = new ChoiceBox<>();
        format.setId("export-format");
        format.getItems().setAll(ExportFormat.ALL);
        format.valueProperty().bindBidirectional(model.formatProperty());
        Label about = new Label();
        about.setId("export-format-description");
        about.setWrapText(true);
        about.textProperty().bind(model.formatProperty().map(ExportFormat::description));

        TextField folder = new TextField();
        folder.setId("export-folder");
        folder.textProperty().bindBidirectional(model.folderProperty());
        Button browse = new Button("Choose…");
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Export into which folder?");
            File parent = Path.of(folder.getText()).toAbsolutePath().getParent().toFile();
            if (parent.isDirectory()) {
                chooser.setInitialDirectory(parent);
            }
            File chosen = chooser.showDialog(stage);
            if (chosen != null) {
                folder.setText(chosen.getAbsolutePath());
            }
        });
        HBox folderRow = new HBox(6, folder, browse);
        HBox.setHgrow(folder, Priority.ALWAYS);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.addRow(0, new Label("Run"), run);
        grid.addRow(1, new Label("Format"), format);
        grid.add(about, 1, 2);
        grid.addRow(3, new Label("Folder"), folderRow);

        Label status = new Label();
        status.setId("export-status");
        status.setWrapText(true);
        status.textProperty().bind(model.messageProperty());
        status.styleProperty().bind(model.failedProperty().map(f -> f ? "-fx-text-fill: #b3261e;" : ""));

        Button export = new Button("Export");
        export.setId("export-button");
        export.setDefaultButton(true);
        export.disableProperty().bind(model.busyProperty());
        export.setOnAction(e -> {
            boolean replace = false;
            if (model.folderState() == ExportViewModel.FolderState.HAS_FILES) {
                Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "The folder " + folder.getText().strip()
                        + " already holds files. Replace them with the export?", ButtonType.CANCEL, ButtonType.OK);
                ask.initOwner(stage);
                ask.setHeaderText("Replace the folder's contents?");
                if (ask.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                    return;
                }
                replace = true;
            }
            model.export(replace);
        });
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(8, export, close);

        VBox root = new VBox(12, grid, status, buttons);
        root.setPadding(new Insets(16));
        root.setPrefWidth(620);
        stage.setScene(new Scene(root));
    }

    public void show() {
        stage.show();
    }

    Stage stage() {
        return stage;
    }
}
