package org.netwright.editor.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.netwright.editor.EditorModel;
import org.netwright.editor.EditorStyles;
import org.netwright.model.command.AddNode;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.NodeReport;

/**
 * The canvas of the project's network and of the blocks opened inside it, one level shown at a time. Opening a
 * composite block (double-click, Enter, "Open block") shows its inside in a canvas of its own, editable through the
 * same command stack, under a breadcrumb ("Network › block_1 › inner") whose links go back up; Esc goes up one level.
 * The bar also says what the block's ports carry and adds ports. When the shown block leaves the network (an undo, an
 * ungroup) the view goes back to the nearest level still there.
 */
public final class LevelsView extends BorderPane {
    private final List<EditorModel> models = new ArrayList<>();
    private final List<GraphCanvas> canvases = new ArrayList<>();
    private final java.util.function.BiConsumer<GraphCanvas, List<String>> eachCanvas;
    private Consumer<GraphCanvas> onLeaving = canvas -> { };
    private final ReadOnlyObjectWrapper<EditorModel> current = new ReadOnlyObjectWrapper<>(this, "currentModel");
    private final ReadOnlyObjectWrapper<GraphCanvas> currentCanvas = new ReadOnlyObjectWrapper<>(this, "currentCanvas");
    private final HBox trail = new HBox(4);
    private final Label ports = new Label();
    private final HBox bar;
    private final ChangeListener<Boolean> onGone = (o, was, now) -> {
        if (now) {
            // After the stack's listeners have all run: leaving now would dispose a model while the stack calls it.
            javafx.application.Platform.runLater(this::leaveGoneLevels);
        }
    };
    private final ChangeListener<Graph> onGraph = (o, was, now) -> describePorts();

    /**
     * @param project    the project's editor model (level 0)
     * @param eachCanvas called once for every canvas made here with the path of the block it shows (empty for the
     *                   project's network), e.g. to bind the View menu's minimap and to keep the user's view
     */
    public LevelsView(EditorModel project, java.util.function.BiConsumer<GraphCanvas, List<String>> eachCanvas) {
        this.eachCanvas = eachCanvas;
        setId("levels-view");
        EditorStyles.apply(this);
        trail.setId("block-trail");
        trail.setAlignment(Pos.CENTER_LEFT);
        ports.setId("block-ports");
        ports.getStyleClass().add("block-ports");
        Button addIn = new Button("+ Input port");
        addIn.setId("add-input-port");
        addIn.setTooltip(new Tooltip("Gives the block another input; wire it to the layers inside that should get it."));
        addIn.setOnAction(e -> addPort(CompositePorts.INPUT));
        Button addOut = new Button("+ Output port");
        addOut.setId("add-output-port");
        addOut.setTooltip(new Tooltip("Gives the block another output; wire a layer inside to it."));
        addOut.setOnAction(e -> addPort(CompositePorts.OUTPUT));
        Button up = new Button("Back (Esc)");
        up.setId("block-back");
        up.setOnAction(e -> back());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        bar = new HBox(10, trail, ports, gap, addIn, addOut, up);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("block-bar");
        push(project, newCanvas(project));
        // Not a filter: a gesture in progress (a wire being dragged, a menu) takes Esc first.
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && models.size() > 1) {
                back();
                e.consume();
            }
        });
    }

    /** The model of the level shown: the project's, or that of the block opened inside it. */
    public ReadOnlyObjectProperty<EditorModel> currentModelProperty() {
        return current.getReadOnlyProperty();
    }

    /** The canvas of the level shown. */
    public ReadOnlyObjectProperty<GraphCanvas> currentCanvasProperty() {
        return currentCanvas.getReadOnlyProperty();
    }

    /** How many blocks deep the view is: 0 for the project's network. */
    public int depth() {
        return models.size() - 1;
    }

    /**
     * Calls {@code leaving} with the canvas shown just before it leaves the window (a block opened over it, or its
     * level closed), while its view can still be read.
     */
    public void setOnLeaving(Consumer<GraphCanvas> leaving) {
        this.onLeaving = java.util.Objects.requireNonNull(leaving);
    }

    /** Opens the block {@code blockId} of the level shown, for editing; its inside becomes the level shown. */
    public void open(String blockId) {
        EditorModel inner = current.get().inside(blockId);
        onLeaving.accept(canvases.get(canvases.size() - 1));
        push(inner, newCanvas(inner));
    }

    /** Goes up one level (nothing at the project's network). */
    public void back() {
        backTo(depth() - 1);
    }

    /** Goes up to level {@code depth} (0 is the project's network), closing the blocks below it. */
    public void backTo(int depth) {
        if (depth < 0 || depth >= models.size() - 1) {
            return;
        }
        String from = models.get(depth + 1).path().get(depth);
        onLeaving.accept(canvases.get(canvases.size() - 1));
        while (models.size() > depth + 1) {
            EditorModel gone = models.remove(models.size() - 1);
            gone.goneProperty().removeListener(onGone);
            gone.graphProperty().removeListener(onGraph);
            gone.dispose();
            canvases.remove(canvases.size() - 1);
        }
        show();
        // Back where the user came from: the block just left is selected, so Enter opens it again.
        if (current.get().graph().node(from).isPresent()) {
            current.get().selectedNodeProperty().set(from);
        }
    }

    private GraphCanvas newCanvas(EditorModel model) {
        GraphCanvas canvas = new GraphCanvas(model);
        canvas.setOnOpenBlock(block -> open(block.id()));
        eachCanvas.accept(canvas, model.path());
        return canvas;
    }

    private void push(EditorModel model, GraphCanvas canvas) {
        models.add(model);
        canvases.add(canvas);
        if (models.size() > 1) {
            model.goneProperty().addListener(onGone);
            model.graphProperty().addListener(onGraph);
        }
        show();
    }

    private void show() {
        EditorModel model = models.get(models.size() - 1);
        GraphCanvas canvas = canvases.get(canvases.size() - 1);
        setCenter(canvas);
        setTop(models.size() > 1 ? bar : null);
        fillTrail();
        describePorts();
        // The canvas first: whoever follows the model reads the canvas of the same level.
        currentCanvas.set(canvas);
        current.set(model);
        // A canvas put back in the scene draws its cards after a layout pass; ask for one, as nothing else may.
        canvas.requestLayout();
        javafx.application.Platform.runLater(() -> {
            canvas.requestLayout();
            canvas.requestFocus();
        });
    }

    private void fillTrail() {
        trail.getChildren().clear();
        for (int i = 0; i < models.size(); i++) {
            String name = i == 0 ? "Network" : blockName(i);
            if (i > 0) {
                Label sep = new Label("›");
                sep.getStyleClass().add("block-trail-separator");
                trail.getChildren().add(sep);
            }
            if (i == models.size() - 1) {
                Label here = new Label(name);
                here.setId("trail-" + i);
                here.getStyleClass().add("block-trail-here");
                trail.getChildren().add(here);
            } else {
                int level = i;
                Hyperlink link = new Hyperlink(name);
                link.setId("trail-" + i);
                link.setOnAction(e -> backTo(level));
                trail.getChildren().add(link);
            }
        }
    }

    /** A block's name as its card shows it, with its id when the two differ. */
    private String blockName(int level) {
        String id = models.get(level).path().get(level - 1);
        Node block = models.get(level - 1).graph().nodes().get(id);
        String name = block == null ? id : String.valueOf(block.params().getOrDefault("name", id));
        return name.equals(id) ? id : name + " (" + id + ")";
    }

    /** "Inputs: in 64×8×8 · Outputs: out 64×8×8", from the shapes inside the block. */
    private void describePorts() {
        if (models.size() < 2) {
            ports.setText("");
            return;
        }
        EditorModel model = models.get(models.size() - 1);
        Graph body = model.graph();
        ports.setText("Inputs: " + words(CompositePorts.inputNodes(body), model, true) + "  ·  Outputs: "
                + words(CompositePorts.outputNodes(body), model, false));
    }

    private static String words(List<Node> placeholders, EditorModel model, boolean input) {
        if (placeholders.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (Node p : placeholders) {
            String shape = "?";
            if (input) {
                NodeReport r = model.shapes().report(p.id());
                if (r != null && r.isOk() && r.outputs().containsKey("out")) {
                    shape = String.valueOf(r.outputs().get("out"));
                }
            } else {
                shape = model.graph().incoming(new org.netwright.model.graph.PortRef(p.id(), "in"))
                        .map(e -> model.shapes().report(e.from().nodeId()))
                        .filter(r -> r != null && r.isOk() && r.outputs().containsKey("out"))
                        .map(r -> String.valueOf(r.outputs().get("out"))).orElse("?");
            }
            parts.add(CompositePorts.portOf(p) + " " + shape);
        }
        return String.join(", ", parts);
    }

    /** Adds a port placeholder ("in2", "out2", …) under the last one of its kind, as one undoable edit. */
    private void addPort(String kind) {
        EditorModel model = current.get();
        Graph body = model.graph();
        boolean input = CompositePorts.INPUT.equals(kind);
        List<Node> same = input ? CompositePorts.inputNodes(body) : CompositePorts.outputNodes(body);
        List<String> names = same.stream().map(CompositePorts::portOf).toList();
        String stem = input ? "in" : "out";
        String name = names.contains(stem) || !names.isEmpty() ? stem + 2 : stem;
        for (int i = 2; names.contains(name); i++) {
            name = stem + i;
        }
        double x = same.isEmpty() ? 24 : same.get(0).x();
        double y = same.stream().mapToDouble(Node::y).max().orElse(0) + (same.isEmpty() ? 24 : 140);
        String id = body.freshId(input ? "input" : "output");
        Node port = new Node(id, kind, java.util.Map.of(CompositePorts.PORT, name), x, y);
        if (model.execute(new AddNode(port))) {
            model.selectedNodeProperty().set(id);
        }
    }

    private void leaveGoneLevels() {
        int keep = models.size() - 1;
        while (keep > 0 && models.get(keep).goneProperty().get()) {
            keep--;
        }
        if (keep < models.size() - 1) {
            backTo(keep);
        }
    }
}
