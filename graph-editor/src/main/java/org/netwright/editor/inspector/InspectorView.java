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
 * its cost, and for convolutions the size arithmetic with its numbers filled in.
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
        model.selectedNodeProperty().addListener((o, was, now) -> refresh());
        model.graphProperty().addListener((o, was, now) -> refresh());
        // "Editing is locked until the run ends" under a field no longer applies once the run has ended.
        model.lockProperty().addListener((o, was, now) -> {
            if (now.isEmpty()) {
                editors.forEach(editor -> editor.withdraw(was));
            }
        });
        refresh();
    }

    private void refresh() {
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
            why.getStyleClass().add("inspector-problem");
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
