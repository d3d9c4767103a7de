package org.netwright.editor.inspector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.netwright.editor.EditorModel;
import org.netwright.editor.EditorStyles;
import org.netwright.editor.Formats;
import org.netwright.model.catalog.LayerParams;
import org.netwright.model.catalog.ParamSpec;
import org.netwright.model.command.SetParam;

/**
 * Shows the selected node: what the layer does, one editor per parameter, the shapes in and out,
 * its cost, and for convolutions the size arithmetic with its numbers filled in. With several layers selected it
 * sums them up ({@link SelectionFacts}) and offers what applies to all of them.
 */
public final class InspectorView extends StackPane {
    private final EditorModel model;
    private final VBox body = new VBox();
    private final VBox facts = new VBox(4);
    /** Sits right under the explanation, so a problem is the first thing seen after the name. */
    private final VBox problem = new VBox();
    private final ScrollPane scroll = new ScrollPane(body);
    private final Label empty = new Label("Select a layer to see and edit its settings");
    private final List<ParamEditor> editors = new ArrayList<>();
    /** Whether the selected layer's weights train; shown for layers that have weights. */
    private final javafx.scene.control.CheckBox trainable = new javafx.scene.control.CheckBox("Train this layer's weights");
    private final VBox training = new VBox(4);
    private boolean refreshQueued;
    /** The node and type the editors were built for; edits of that node refresh them in place. */
    private String shownId;
    private String shownType;

    public InspectorView(EditorModel model) {
        this.model = model;
        setId("inspector");
        getStyleClass().add("inspector-root");
        EditorStyles.apply(this);
        setMinWidth(240);
        setPrefWidth(360);
        body.getStyleClass().add("inspector-body");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("inspector-scroll");
        empty.setId("inspector-empty");
        empty.getStyleClass().add("inspector-empty");
        empty.setWrapText(true);
        setAlignment(empty, javafx.geometry.Pos.TOP_LEFT);
        getChildren().addAll(scroll, empty);

        trainable.setId("inspector-trainable");
        trainable.setWrapText(true);
        trainable.setTooltip(new javafx.scene.control.Tooltip("Untick to freeze this layer: its weights stay as they are"
                + " (e.g. pretrained) while the rest of the network trains. Undo brings it back."));
        trainable.setOnAction(e -> {
            if (shownId != null && model.graph().node(shownId).map(n -> n.trainable() != trainable.isSelected())
                    .orElse(false)) {
                model.execute(org.netwright.model.command.SetTrainable.of(model.graph(), shownId, trainable.isSelected()));
            }
        });
        model.selectedNodeProperty().addListener((o, was, now) -> refreshSoon());
        model.selectedNodes().addListener((javafx.collections.SetChangeListener<String>) c -> refreshSoon());
        model.graphProperty().addListener((o, was, now) -> refresh());
        // "Editing is locked until the run ends" under a field no longer applies once the run has ended.
        model.lockProperty().addListener((o, was, now) -> {
            if (now.isEmpty()) {
                editors.forEach(editor -> editor.withdraw(was));
            }
        });
        refresh();
    }

    /**
     * Refreshes now for one layer; for several, once after the current batch of changes: Select All adds the nodes
     * one by one, and a summary for each would take time growing with the square of their number.
     */
    private void refreshSoon() {
        if (model.selectedNodes().size() <= 1) {
            refresh();
        } else if (!refreshQueued) {
            refreshQueued = true;
            javafx.application.Platform.runLater(() -> {
                refreshQueued = false;
                refresh();
            });
        }
    }

    private void refresh() {
        if (model.selectedNodes().size() > 1) {
            showSelection(SelectionFacts.of(model.graph(), model.shapes(), List.copyOf(model.selectedNodes())));
            return;
        }
        String id = model.selectedNodeProperty().get();
        Optional<LayerFacts> found = id == null ? Optional.empty() : LayerFacts.of(model.graph(), model.shapes(), id);
        if (found.isEmpty()) {
            shownId = null;
            shownType = null;
            editors.clear();
            body.getChildren().clear();
            scroll.setVisible(false);
            empty.setVisible(true);
            return;
        }
        LayerFacts f = found.get();
        scroll.setVisible(true);
        empty.setVisible(false);
        LayerParams values = f.spec().resolve(f.node().params());
        if (id.equals(shownId) && f.node().type().equals(shownType)) {
            // Same node: keep the fields (and the focus in them), only show the new values.
            for (ParamEditor editor : editors) {
                editor.show(values.values().get(editor.name()));
            }
        } else {
            build(f, values);
        }
        showFacts(f);
    }

    /**
     * Several layers selected: how many and of which types, their parameters together, and what can be done with
     * all of them at once (each one undoable step).
     */
    private void showSelection(SelectionFacts f) {
        shownId = null;
        shownType = null;
        editors.clear();
        body.getChildren().clear();
        scroll.setVisible(true);
        empty.setVisible(false);
        Label title = new Label(f.title());
        title.setId("inspector-title");
        title.getStyleClass().add("inspector-title");
        Label types = value("inspector-selection-types", f.typesLine());
        Label params = value("inspector-selection-params", f.paramsLine());
        Label hint = value("inspector-selection-hint", "Click one of them alone to see and edit its settings.");
        hint.getStyleClass().add("inspector-explanation");
        body.getChildren().addAll(title, types, params, hint, section("WITH ALL OF THEM"));

        javafx.scene.control.Button group = action("inspector-group", "Group into Block", model::groupSelection);
        javafx.scene.control.Button delete = action("inspector-delete", "Delete", model::deleteSelection);
        javafx.scene.control.Button alignTop = action("inspector-align-top", "Align Tops",
                () -> model.alignSelection(EditorModel.Alignment.TOP, org.netwright.editor.canvas.CardShapes.standard()));
        javafx.scene.control.Button alignLeft = action("inspector-align-left", "Align Lefts",
                () -> model.alignSelection(EditorModel.Alignment.LEFT, org.netwright.editor.canvas.CardShapes.standard()));
        javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(6, 6, group, delete, alignTop, alignLeft);
        body.getChildren().add(actions);
        if (f.withWeights() > 0) {
            javafx.scene.control.CheckBox all = new javafx.scene.control.CheckBox(
                    "Train their weights (" + f.withWeights() + " with weights)");
            all.setId("inspector-trainable-all");
            all.setWrapText(true);
            Boolean state = f.allTrain();
            all.setIndeterminate(state == null);
            all.setSelected(Boolean.TRUE.equals(state));
            all.setTooltip(new javafx.scene.control.Tooltip("Untick to freeze every selected layer's weights at once;"
                    + " tick to let them all train. Undo brings the old state back."));
            // A mixed selection shows a dash; a click makes them all train (the box leaves the dash ticked), one undo step.
            all.setOnAction(e -> model.setSelectionTrainable(all.isSelected()));
            Label note = value("inspector-frozen", f.frozen() == 0 ? ""
                    : f.frozen() + " of the " + f.withWeights() + " keep their weights while the rest trains.");
            note.setManaged(f.frozen() > 0);
            note.setVisible(f.frozen() > 0);
            body.getChildren().addAll(section("TRAINING"), all, note);
        }
    }

    private javafx.scene.control.Button action(String id, String text, java.util.function.BooleanSupplier run) {
        javafx.scene.control.Button b = new javafx.scene.control.Button(text);
        b.setId(id);
        b.setDisable(!model.isEditable());
        b.setOnAction(e -> run.getAsBoolean());
        return b;
    }

    private void build(LayerFacts f, LayerParams values) {
        shownId = f.node().id();
        shownType = f.node().type();
        editors.clear();
        body.getChildren().clear();

        Label title = new Label(f.spec().name());
        title.setId("inspector-title");
        title.getStyleClass().add("inspector-title");
        Label sub = new Label(f.node().id() + "  ·  " + f.spec().family().title());
        sub.getStyleClass().add("inspector-id");
        Label explanation = new Label(f.spec().explanation());
        explanation.setId("inspector-explanation");
        explanation.getStyleClass().add("inspector-explanation");
        explanation.setWrapText(true);
        body.getChildren().addAll(title, sub, explanation, problem);

        if (!f.spec().params().isEmpty()) {
            body.getChildren().add(section("SETTINGS"));
            String nodeId = f.node().id();
            for (ParamSpec spec : f.spec().params()) {
                ParamEditor editor = new ParamEditor(spec, values.values().get(spec.name()),
                        value -> model.execute(SetParam.of(model.graph(), nodeId, spec.name(), value))
                                ? Optional.empty()
                                : Optional.of(model.messageProperty().get()));
                editors.add(editor);
                body.getChildren().add(editor);
            }
        }
        body.getChildren().addAll(training, facts);
    }

    private void showFacts(LayerFacts f) {
        training.getChildren().clear();
        if (f.isOk() && f.params() > 0) {
            trainable.setSelected(f.node().trainable());
            Label note = value("inspector-frozen", f.node().trainable() ? ""
                    : "Frozen: its " + Formats.count(f.params()) + " parameters keep their values while the rest trains.");
            note.setManaged(!f.node().trainable());
            note.setVisible(!f.node().trainable());
            training.getChildren().addAll(section("TRAINING"), trainable, note);
        }
        facts.getChildren().clear();
        problem.getChildren().clear();
        f.problem().ifPresent(text -> {
            Label why = new Label(text);
            why.setId("inspector-problem");
            // A to-do (wire an input, fix an earlier layer) reads as the card does, not as this layer's error.
            why.getStyleClass().add(f.toDo() ? "inspector-todo" : "inspector-problem");
            why.setWrapText(true);
            why.setMaxWidth(Double.MAX_VALUE);
            problem.getChildren().add(why);
        });
        facts.getChildren().add(section("SHAPES (one sample, no batch axis)"));
        for (String input : f.inputs()) {
            facts.getChildren().add(value("inspector-input", input));
        }
        facts.getChildren().add(value("inspector-output", "Output: " + f.output()));
        facts.getChildren().add(section("COST"));
        // Cost is unknown (not zero) while the shapes do not work out.
        facts.getChildren().add(value("inspector-params", "Parameters: " + (f.isOk() ? Formats.count(f.params()) : "?")));
        facts.getChildren().add(value("inspector-macs",
                "Multiply-adds per sample: " + (f.isOk() ? Formats.count(f.macs()) : "?")));
        f.formula().ifPresent(formula -> {
            facts.getChildren().add(section("HOW THE OUTPUT SIZE IS COMPUTED"));
            Label text = new Label(String.join("\n", formula.lines()));
            text.setId("inspector-formula");
            text.getStyleClass().add("inspector-formula");
            text.setWrapText(true);
            text.setMaxWidth(Double.MAX_VALUE);
            facts.getChildren().add(text);
        });
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("inspector-section");
        return l;
    }

    private static Label value(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.getStyleClass().add("inspector-value");
        l.setWrapText(true);
        return l;
    }
}
