package org.netwright.app.training;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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

/**
 * The Task window (CSS id {@code task-editor}): the recipe, a row per input layer with the field that feeds it, a
 * row per loss term (output, loss and its parameters, target field, weight), the recipe's own options with their help
 * (a VAE's KL weight; a GAN's generator, discriminator, real input and noise), the metrics that follow, and in red why
 * a change was refused. Apply checks and saves the whole task; it only shows {@link TaskEditorModel}.
 */
public final class TaskEditorDialog extends Stage {
    private static final double WIDTH = 760;
    private final TaskEditorModel model;
    private final ObservableBooleanValue running;
    private final GridPane inputGrid = new GridPane();
    private final GridPane lossGrid = new GridPane();
    private final GridPane optionGrid = new GridPane();
    private final Label optionTitle = section("Recipe options");

    /** @param stylesheets the main window's, so the editor looks like the panel it belongs to */
    public TaskEditorDialog(Window owner, List<String> stylesheets, TaskEditorModel model,
                            ObservableBooleanValue running) {
        this.model = model;
        this.running = running;
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Task");

        Label recipeName = new Label("Recipe");
        recipeName.getStyleClass().add("section-title");
        Label recipe = new Label();
        recipe.setId("task-recipe");
        recipe.textProperty().bind(model.recipeProperty());
        HBox recipeLine = new HBox(10, recipeName, recipe);
        recipeLine.setAlignment(Pos.BASELINE_LEFT);

        Label origin = hint("task-origin");
        origin.textProperty().bind(model.originProperty());

        Label fields = hint("task-fields");
        fields.textProperty().bind(model.fieldsProperty().map(t -> t.isEmpty() ? "" : "The data's fields: " + t));

        Label metrics = new Label();
        metrics.setId("task-metrics");
        metrics.setWrapText(true);
        metrics.setMinHeight(Region.USE_PREF_SIZE);
        metrics.textProperty().bind(model.metricsProperty().map(m -> "Metrics: " + m));

        Label error = new Label();
        error.setId("task-error");
        error.getStyleClass().add("error");
        error.setWrapText(true);
        error.setMaxWidth(WIDTH);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().bind(model.errorProperty());
        error.managedProperty().bind(model.errorProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());

        Button reset = new Button("Reset to the proposal");
        reset.setId("task-reset");
        reset.setOnAction(e -> model.reset());
        Button apply = new Button("Apply");
        apply.setId("task-apply");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> model.apply());
        Button close = new Button("Close");
        close.setId("task-close");
        close.setCancelButton(true);
        close.setOnAction(e -> hide());
        reset.disableProperty().bind(running);
        apply.disableProperty().bind(running);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(10, reset, gap, apply, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        for (GridPane g : List.of(inputGrid, lossGrid, optionGrid)) {
            g.setHgap(10);
            g.setVgap(6);
        }
        rebuild();
        model.inputs().addListener((ListChangeListener<TaskEditorModel.InputRow>) c -> rebuild());
        model.objectives().addListener((ListChangeListener<TaskEditorModel.ObjectiveRow>) c -> rebuild());
        model.options().addListener((ListChangeListener<TaskEditorModel.OptionRow>) c -> rebuild());
        optionGrid.setId("task-options");
        optionGrid.managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.options()));
        optionGrid.visibleProperty().bind(optionGrid.managedProperty());
        optionTitle.managedProperty().bind(optionGrid.managedProperty());
        optionTitle.visibleProperty().bind(optionGrid.managedProperty());

        VBox root = new VBox(10, recipeLine, origin, section("Inputs"), inputGrid, section("Losses"), lossGrid,
                optionTitle, optionGrid, metrics, fields, error, buttons);
        root.setId("task-editor");
        root.getStyleClass().add("task-editor");
        root.setPadding(new Insets(16, 18, 14, 18));
        root.setPrefWidth(WIDTH);
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(stylesheets);
        setScene(scene);
        // A refusal adds lines: the window grows to show them rather than cutting words off.
        model.errorProperty().addListener((o, was, now) -> Platform.runLater(this::sizeToScene));
    }

    /** Shows the task in force as the last check found it and brings the window to the front. */
    public void open() {
        model.load();
        show();
        sizeToScene();
        toFront();
    }

    private void rebuild() {
        inputGrid.getChildren().clear();
        // The same first columns as the losses below, so that the two tables line up.
        inputGrid.getColumnConstraints().setAll(column(110), column(120), growing());
        header(inputGrid, "Input layer", "Takes", "Field");
        int row = 1;
        for (TaskEditorModel.InputRow r : model.inputs()) {
            ComboBox<String> field = new ComboBox<>();
            field.setId("task-input-" + r.node());
            field.getItems().setAll(r.choices());
            field.valueProperty().bindBidirectional(r.fieldProperty());
            field.setMaxWidth(Double.MAX_VALUE);
            field.disableProperty().bind(running);
            inputGrid.addRow(row++, new Label(r.node()), new Label(r.shape()), field);
        }
        lossGrid.getChildren().clear();
        lossGrid.getColumnConstraints().setAll(column(110), column(120), column(150), column(120), growing(),
                column(60));
        header(lossGrid, "Output layer", "Gives", "Loss", "Parameters", "Target field", "Weight");
        row = 1;
        for (TaskEditorModel.ObjectiveRow r : model.objectives()) {
            ComboBox<String> loss = new ComboBox<>();
            loss.setId("task-loss-" + r.output());
            loss.getItems().setAll(r.losses());
            loss.valueProperty().bindBidirectional(r.lossProperty());
            loss.setMaxWidth(Double.MAX_VALUE);
            TextField params = new TextField();
            params.setId("task-params-" + r.output());
            params.setPromptText(TaskEditorModel.PARAMETER_EXAMPLE);
            params.textProperty().bindBidirectional(r.parametersProperty());
            ComboBox<String> target = new ComboBox<>();
            target.setId("task-target-" + r.output());
            target.getItems().setAll(r.targets());
            target.valueProperty().bindBidirectional(r.targetProperty());
            target.setMaxWidth(Double.MAX_VALUE);
            TextField weight = new TextField();
            weight.setId("task-weight-" + r.output());
            weight.setPrefColumnCount(4);
            weight.textProperty().bindBidirectional(r.weightProperty());
            for (javafx.scene.control.Control c : List.of(loss, params, weight)) {
                if (r.lossEditable()) {
                    c.disableProperty().bind(running);
                } else {
                    c.setDisable(true); // a GAN's losses are the recipe's own
                }
            }
            target.disableProperty().bind(running);
            lossGrid.addRow(row++, new Label(r.output()), new Label(r.shape()), loss, params, target, weight);
        }
        optionGrid.getChildren().clear();
        optionGrid.getColumnConstraints().setAll(column(150), column(180), growing());
        row = 0;
        for (TaskEditorModel.OptionRow r : model.options()) {
            javafx.scene.control.Control control;
            if (r.choices().isEmpty()) {
                TextField typed = new TextField();
                typed.setPrefColumnCount(6);
                typed.textProperty().bindBidirectional(r.valueProperty());
                control = typed;
            } else {
                ComboBox<String> choice = new ComboBox<>();
                choice.getItems().setAll(r.choices());
                choice.valueProperty().bindBidirectional(r.valueProperty());
                choice.setMaxWidth(Double.MAX_VALUE);
                control = choice;
            }
            control.setId("task-option-" + r.id());
            control.disableProperty().bind(running);
            control.setTooltip(new javafx.scene.control.Tooltip(r.help()));
            Label help = new Label(r.help());
            help.setId("task-option-help-" + r.id());
            help.getStyleClass().add("hint");
            help.setWrapText(true);
            help.setMinHeight(Region.USE_PREF_SIZE);
            help.setMaxWidth(WIDTH - 360);
            Label name = new Label(r.label());
            name.setId("task-option-label-" + r.id());
            // A long name ("Noise of 'noise_input_1'") wraps in its column instead of ending in "…".
            name.setWrapText(true);
            name.setMinHeight(Region.USE_PREF_SIZE);
            optionGrid.addRow(row++, name, control, help);
        }
        if (getScene() != null && isShowing()) {
            Platform.runLater(this::sizeToScene);
        }
    }

    private static void header(GridPane grid, String... titles) {
        for (int i = 0; i < titles.length; i++) {
            Label l = new Label(titles[i]);
            l.getStyleClass().add("hint");
            GridPane.setHalignment(l, HPos.LEFT);
            grid.add(l, i, 0);
        }
    }

    private static ColumnConstraints column(double width) {
        ColumnConstraints c = new ColumnConstraints();
        c.setPrefWidth(width);
        c.setMinWidth(Region.USE_PREF_SIZE);
        return c;
    }

    private static ColumnConstraints growing() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(120);
        c.setHgrow(Priority.ALWAYS);
        return c;
    }

    private static Label section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label hint(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        l.setMaxWidth(WIDTH);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
