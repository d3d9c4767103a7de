package org.netwright.editor.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.netwright.editor.EditorModel;
import org.netwright.editor.EditorStyles;
import org.netwright.editor.NodePorts;
import org.netwright.editor.palette.PaletteFilter;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.command.AddSubgraph;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.NodeReport;

/**
 * A wire dropped on empty canvas: a searchable list of the layers that accept what the wire carries (tried by shape
 * inference, with their default settings); choosing one adds it where the wire was dropped, already connected, as
 * one undoable edit.
 */
final class WireDropMenu {
    private static final LayerCatalog CATALOG = LayerCatalog.standard();

    private WireDropMenu() {
    }

    /** A layer type that takes the wire: its spec and the input port the wire goes into. */
    record Choice(LayerSpec spec, String port) {
        @Override
        public String toString() {
            return spec.name();
        }
    }

    /**
     * The layers whose first input accepts {@code source}'s output in {@code graph}, in catalog order: those the
     * editor would wire ({@link EditorModel#whyNotWire}, which lets a merge with its other inputs still free take the
     * wire). None while the source has a problem of its own (or waits for one before it): what it gives is not known,
     * and the editor would let any layer take it.
     */
    static List<Choice> choices(Graph graph, GraphShapes shapes, PortRef source) {
        List<Choice> out = new ArrayList<>();
        NodeReport from = shapes.report(source.nodeId());
        if (from == null || !from.isOk() || !from.outputs().containsKey(source.port())) {
            return out;
        }
        for (LayerSpec spec : CATALOG.all()) {
            if (NodePorts.madeByGrouping(spec.id())) {
                continue;
            }
            Node probe = new Node(graph.freshId(spec.id()), spec.id(), spec.defaults(), 0, 0);
            List<String> ins = NodePorts.inputs(probe, spec);
            if (ins.isEmpty()) {
                continue;
            }
            Edge wire = new Edge(source, new PortRef(probe.id(), ins.get(0)));
            if (EditorModel.whyNotWire(graph.withNode(probe), shapes, wire).isEmpty()) {
                out.add(new Choice(spec, ins.get(0)));
            }
        }
        return out;
    }

    /**
     * The list's heading: what to do with {@code choices}, or why there are none. A source with a problem of its own
     * (or after one) gives nothing known yet, so the user is sent to it rather than told no layer fits.
     */
    static String title(GraphShapes shapes, PortRef source, List<Choice> choices) {
        if (!choices.isEmpty()) {
            return "Add a layer fed by " + source + ":";
        }
        NodeReport from = shapes.report(source.nodeId());
        if (from != null && from.blocked()) {
            return "'" + source.nodeId() + "' waits for a layer before it (the red card): what it gives is not known"
                    + " until that is fixed.";
        }
        if (from != null && !from.isOk()) {
            return "Fix '" + source.nodeId() + "' first (see its card): what it gives is not known until then.";
        }
        return "No layer takes what " + source + " gives.";
    }

    /** Shows the list at the screen point where the wire was dropped; {@code at} is that point on the canvas. */
    static Popup show(GraphCanvas canvas, EditorModel model, PortRef source, Point2D at, double screenX, double screenY) {
        List<Choice> all = choices(model.graph(), model.shapes(), source);
        TextField search = new TextField();
        search.setId("wire-drop-search");
        search.setPromptText("Layers that take " + source + "…");
        ListView<Choice> list = new ListView<>();
        list.setId("wire-drop-list");
        // Wide enough for the longest entry, "Transformer decoder block  ·  Attention & Transformers", without a
        // sideways scroll bar.
        list.setPrefSize(430, 260);
        list.getItems().setAll(all);
        list.getSelectionModel().selectFirst();
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Choice c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.spec().name() + "  ·  " + c.spec().family().title());
            }
        });
        Label title = new Label(title(model.shapes(), source, all));
        title.getStyleClass().add("wire-drop-title");
        VBox box = new VBox(6, title, search, list);
        box.setId("wire-drop-menu");
        box.getStyleClass().add("wire-drop-menu");
        EditorStyles.apply(box);
        Popup popup = new Popup();
        popup.setAutoHide(true);
        popup.getContent().add(box);

        search.textProperty().addListener((o, was, now) -> {
            // The palette's search, so "max pool" finds the same layers here as there.
            java.util.Set<String> hits = PaletteFilter.hits(all.stream().map(Choice::spec).toList(), now);
            list.getItems().setAll(all.stream().filter(c -> hits.contains(c.spec().id())).toList());
            list.getSelectionModel().selectFirst();
        });
        Runnable choose = () -> {
            Choice c = list.getSelectionModel().getSelectedItem();
            popup.hide();
            if (c != null) {
                add(model, source, c, at);
            }
            canvas.requestFocus();
        };
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                choose.run();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN) {
                list.requestFocus();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
            }
        });
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                choose.run();
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                choose.run();
            }
        });
        popup.show(canvas.getScene().getWindow(), screenX, screenY);
        search.requestFocus();
        return popup;
    }

    /**
     * Where the new card's input port goes for a wire released at {@code drop}: level with the source's port when the
     * release is within a port's reach of its height, so a chain built by dropping wires runs straight instead of
     * kinking by the few pixels a hand misses by.
     */
    static Point2D alignedDrop(Point2D drop, Point2D sourcePort) {
        return Math.abs(drop.getY() - sourcePort.getY()) <= NodeGeometry.PORT_HIT
                ? new Point2D(drop.getX(), sourcePort.getY()) : drop;
    }

    /** How far below the card's top the input port the wire goes into sits (lower on a card with several ports). */
    static double inPortY(Node node, Choice c) {
        List<String> ins = NodePorts.inputs(node, c.spec());
        boolean many = NodeGeometry.manyPorts(ins.size(), NodePorts.outputs(node, c.spec()).size());
        return NodeGeometry.portY(Math.max(0, ins.indexOf(c.port())), many, false);
    }

    /** Adds the chosen layer with its top-left at the drop point and the wire into it, as one edit; selects it. */
    static Optional<String> add(EditorModel model, PortRef source, Choice c, Point2D at) {
        Graph g = model.graph();
        Node probe = new Node(g.freshId(c.spec().id()), c.spec().id(), c.spec().defaults(), 0, 0);
        Node node = probe.at(Math.max(0, Math.round(at.getX())), Math.max(0, Math.round(at.getY() - inPortY(probe, c))));
        Edge edge = new Edge(source, new PortRef(node.id(), c.port()));
        if (!model.execute(new AddSubgraph(List.of(node), List.of(edge), "Add " + node.id() + " fed by " + source))) {
            return Optional.empty();
        }
        model.selectedNodeProperty().set(node.id());
        return Optional.of(node.id());
    }
}
