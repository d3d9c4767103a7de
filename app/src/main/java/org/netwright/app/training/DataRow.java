package org.netwright.app.training;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.netwright.templates.data.Generators;

/**
 * The Data row above the loss chart (CSS id {@code data-row}): what the run trains on, a file chooser and a
 * menu of built-in generators, and in red why a choice was refused. It only shows the view model.
 */
public final class DataRow extends VBox {
    private final DataViewModel model;
    /** Asks the user for a file; replaceable because a native file dialog cannot be driven in headless tests. */
    private Function<Window, Path> fileChooser = DataRow::showFileChooser;
    private Function<Window, Path> folderChooser;
    private final ObservableBooleanValue running;
    private TaskEditorDialog taskEditor;

    public DataRow(DataViewModel model, ObservableBooleanValue running) {
        this.model = model;
        this.running = running;
        setId("data-row");
        getStyleClass().add("data-row");

        Label summary = new Label();
        summary.setId("data-summary");
        summary.getStyleClass().add("data-summary");
        summary.textProperty().bind(model.summaryProperty());
        // A long expectation wraps onto a second line rather than losing its middle; the tooltip shows it whole.
        summary.setWrapText(true);
        summary.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        summary.setMinWidth(0);
        summary.setMaxWidth(Double.MAX_VALUE);
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(model.summaryProperty());
        summary.setTooltip(whole);
        HBox.setHgrow(summary, Priority.ALWAYS);

        MenuButton generators = new MenuButton("Generator");
        generators.setId("data-generator");
        for (String name : Generators.NAMES) {
            MenuItem item = new MenuItem(generatorWords(name));
            item.setId("data-generator-" + name);
            item.setOnAction(e -> model.chooseGenerator(name));
            generators.getItems().add(item);
        }
        // Which data fits the network is worked out as the menu opens (the network may have changed since).
        generators.setOnShowing(e -> model.checkGenerators());
        model.generatorFits().addListener((javafx.collections.MapChangeListener<String, String>) c -> {
            for (MenuItem item : generators.getItems()) {
                if (c.getKey().equals(item.getId().substring("data-generator-".length())) || model.generatorFits().isEmpty()) {
                    markFit(item, model.generatorFits());
                }
            }
        });

        Button choose = new Button("Choose file…");
        choose.setId("data-choose");
        choose.setOnAction(e -> {
            Path file = fileChooser.apply(getScene() == null ? null : getScene().getWindow());
            if (file != null) {
                model.chooseFile(file);
            }
        });

        // No change of data while a run reads it or while a choice is still being checked.
        generators.disableProperty().bind(model.checkingProperty().or(running));
        choose.disableProperty().bind(model.checkingProperty().or(running));

        // The buttons keep their words; the summary gives way instead.
        generators.setMinWidth(Region.USE_PREF_SIZE);
        choose.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(8, summary, generators, choose);
        line.setAlignment(Pos.CENTER_LEFT);

        Label error = new Label();
        error.setId("data-error");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(model.errorProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        gives(error);
        Tooltip wholeError = new Tooltip();
        wholeError.textProperty().bind(model.errorProperty());
        wholeError.setWrapText(true);
        wholeError.setMaxWidth(520);
        error.setTooltip(wholeError);

        // The saved task proposed again for newly chosen data: said once, in plain (not red) words.
        Label notice = new Label();
        notice.setId("data-notice");
        notice.getStyleClass().add("hint");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        notice.managedProperty().bind(model.noticeProperty().isNotEmpty());
        notice.visibleProperty().bind(notice.managedProperty());
        gives(notice);

        // The task a run would train: which field feeds each input, each output's loss and target, the metrics.
        Label task = new Label();
        task.setId("data-task");
        task.getStyleClass().add("data-task");
        task.setWrapText(true);
        task.textProperty().bind(model.taskProperty());
        task.managedProperty().bind(model.taskProperty().isNotEmpty());
        task.visibleProperty().bind(task.managedProperty());
        task.setMinWidth(0);
        task.setMaxWidth(Double.MAX_VALUE);
        // The panel keeps its height: a task of more lines than there is room for ends in an ellipsis, whole here.
        Tooltip wholeTask = new Tooltip();
        wholeTask.textProperty().bind(model.taskProperty());
        task.setTooltip(wholeTask);
        HBox.setHgrow(task, Priority.ALWAYS);

        // Beside the task: the editor to change it, once a check has given a task to change.
        Button edit = new Button("Edit task…");
        edit.setId("task-edit");
        edit.setMinWidth(Region.USE_PREF_SIZE);
        edit.setOnAction(e -> showTaskEditor());
        edit.managedProperty().bind(model.taskEditor().availableProperty());
        edit.visibleProperty().bind(edit.managedProperty());
        edit.disableProperty().bind(model.checkingProperty().or(running));
        HBox taskLine = new HBox(8, task, edit);
        taskLine.setAlignment(Pos.TOP_LEFT);

        // A source moved or changed since it was imported says so, with the way to point at its new place.
        Label moved = new Label();
        moved.setId("data-moved");
        moved.getStyleClass().add("data-moved");
        moved.setWrapText(true);
        moved.setMinWidth(0);
        moved.setMaxWidth(Double.MAX_VALUE);
        moved.textProperty().bind(model.movedProperty());
        HBox.setHgrow(moved, Priority.ALWAYS);
        Button relink = new Button("Relink…");
        relink.setId("data-relink");
        relink.setMinWidth(Region.USE_PREF_SIZE);
        relink.disableProperty().bind(model.checkingProperty().or(running));
        relink.setOnAction(e -> {
            Window owner = getScene() == null ? null : getScene().getWindow();
            Path place = model.dataIsFolder() ? relinkFolder(owner) : fileChooser.apply(owner);
            if (place != null) {
                model.relink(place);
            }
        });
        // The copy kept inside the project, offered beside Relink… when the source is gone.
        Button useKept = new Button("Use the kept copy");
        useKept.setId("data-use-kept");
        useKept.setMinWidth(Region.USE_PREF_SIZE);
        useKept.managedProperty().bind(model.keptCopyInUseProperty());
        useKept.visibleProperty().bind(useKept.managedProperty());
        useKept.disableProperty().bind(model.checkingProperty().or(running));
        useKept.setOnAction(e -> model.useKeptCopy());
        HBox movedLine = new HBox(8, moved, relink, useKept);
        movedLine.setAlignment(Pos.CENTER_LEFT);
        movedLine.managedProperty().bind(model.movedProperty().isNotEmpty());
        movedLine.visibleProperty().bind(movedLine.managedProperty());

        getChildren().addAll(line, error, notice, movedLine, taskLine);
        setSpacing(2);
    }

    /**
     * Lets a message take the row's width without asking for its own: a long refusal widened the panel's middle column
     * and squeezed the Run column beside it; the message wraps or ends in an ellipsis instead (whole in its tooltip).
     */
    private static void gives(Label message) {
        message.setMinWidth(0);
        message.setPrefWidth(0);
        message.setMaxWidth(Double.MAX_VALUE);
    }

    /** Uses another way to ask for a file (tests answer with a fixed path; null means the user cancelled). */
    public void chooseFilesWith(Function<Window, Path> chooser) {
        this.fileChooser = Objects.requireNonNull(chooser);
    }

    /** Opens the Task window on the task in force (once made; later clicks bring it to the front). */
    public void showTaskEditor() {
        if (taskEditor == null) {
            taskEditor = new TaskEditorDialog(getScene() == null ? null : getScene().getWindow(),
                    getScene() == null ? java.util.List.of() : getScene().getStylesheets(), model.taskEditor(), running);
        }
        taskEditor.open();
    }

    /** Closes the Task window, e.g. when the project closes. */
    public void closeTaskEditor() {
        if (taskEditor != null) {
            taskEditor.hide();
        }
    }

    public DataViewModel model() {
        return model;
    }

    private Path relinkFolder(Window owner) {
        if (folderChooser != null) {
            return folderChooser.apply(owner);
        }
        File folder = new javafx.stage.DirectoryChooser().showDialog(owner);
        return folder == null ? null : folder.toPath();
    }

    /** Uses another way to ask for a folder when relinking a folder of data (tests answer with a fixed path). */
    public void chooseFoldersWith(Function<Window, Path> chooser) {
        this.folderChooser = Objects.requireNonNull(chooser);
    }

    private static Path showFileChooser(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose training data");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Training data (CSV, IDX images)", "*.csv", "*-idx3-ubyte"),
                new FileChooser.ExtensionFilter("CSV table or graph edge list (*.csv)", "*.csv"),
                new FileChooser.ExtensionFilter("IDX images (*-images-idx3-ubyte)", "*-idx3-ubyte"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(owner);
        return file == null ? null : file.toPath();
    }

    private static String generatorWords(String name) {
        return name.replace('_', ' ') + (Generators.GRAPH_NAMES.contains(name) ? " (one graph)" : "");
    }

    /**
     * Marks a generator's menu item with whether its data fits the network: a tick, or a cross and the start of the
     * reason (the whole reason in the mark's tooltip); unmarked while nothing is known.
     */
    static void markFit(MenuItem item, java.util.Map<String, String> fits) {
        String name = item.getId().substring("data-generator-".length());
        String why = fits.get(name);
        if (why == null) {
            item.setText(generatorWords(name));
            item.setGraphic(null);
            return;
        }
        Label mark = new Label(why.isEmpty() ? "\u2713" : "\u2717");
        mark.getStyleClass().add(why.isEmpty() ? "generator-fits" : "generator-misfit");
        mark.setStyle(why.isEmpty() ? "-fx-text-fill: -color-success-fg;" : "-fx-text-fill: -color-danger-fg;");
        // Cut at a word, so the menu stays narrower than the window; the tooltip and choosing say it whole.
        int cut = why.length() > 80 ? Math.max(40, why.lastIndexOf(' ', 79)) : why.length();
        String shortWhy = cut < why.length() ? why.substring(0, cut).strip() + "\u2026" : why;
        // A layer's id has underscores (dense_3): not keyboard mnemonics.
        item.setMnemonicParsing(false);
        item.setText(generatorWords(name) + (why.isEmpty() ? "  fits the network" : "  \u2014 " + shortWhy));
        if (!why.isEmpty()) {
            Tooltip whole = new Tooltip(why);
            whole.setWrapText(true);
            whole.setMaxWidth(420);
            Tooltip.install(mark, whole);
        }
        item.setGraphic(mark);
    }
}
