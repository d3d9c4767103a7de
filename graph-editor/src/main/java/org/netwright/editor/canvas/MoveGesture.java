package org.netwright.editor.canvas;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.netwright.editor.EditorModel;
import org.netwright.model.command.MoveNodes;

/**
 * Press on a card selects it (Shift+press adds it to the selection or takes it out); dragging moves
 * only the views, of every selected card when the pressed one is selected; the release issues one
 * MoveNodes command (none when nothing moved), so a drag is one undo step. A click without a move on
 * one card of a multi-selection selects that card alone.
 */
final class MoveGesture {
    private final EditorModel model;
    private final GraphCanvas canvas;
    private double pressX;
    private double pressY;
    private List<NodeView> moving = List.of();
    /** Every selected node, drawn or not: a card far off screen moves with the selection too. */
    private List<String> movingIds = List.of();
    private NodeView pressed;
    /** True when the press landed on one card of several selected: a release without a move selects it alone. */
    private boolean narrowOnRelease;

    MoveGesture(EditorModel model, GraphCanvas canvas) {
        this.model = model;
        this.canvas = canvas;
    }

    void install(NodeView view) {
        view.card().addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pressed(view, e));
        view.card().addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> dragged(e));
        view.card().addEventHandler(MouseEvent.MOUSE_RELEASED, e -> released(e));
    }

    private void pressed(NodeView view, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        canvas.requestFocus();
        e.consume();
        String id = view.node().id();
        if (e.isShiftDown()) {
            model.toggleSelected(id);
            return;
        }
        // Pressing a card of a multi-selection keeps it, so the whole selection can be dragged; a plain click (no
        // move) then selects that card alone, as the inspector's "Click one of them alone" promises.
        narrowOnRelease = model.selectedNodes().size() > 1 && model.selectedNodes().contains(id);
        if (!model.selectedNodes().contains(id)) {
            model.selectedNodeProperty().set(id);
        }
        movingIds = List.copyOf(model.selectedNodes());
        pressed = view;
        moving = new ArrayList<>();
        for (NodeView v : canvas.nodeViews()) {
            if (model.selectedNodes().contains(v.node().id())) {
                moving.add(v);
            }
        }
        // Content coordinates, so the cards follow the mouse by the right model distance at any zoom.
        Point2D p = canvas.toCanvas(e.getSceneX(), e.getSceneY());
        pressX = p.getX();
        pressY = p.getY();
        view.toFront();
    }

    private void dragged(MouseEvent e) {
        if (moving.isEmpty()) {
            return;
        }
        // Whole pixels keep saved coordinates tidy; no card may leave the canvas on the top or left.
        var nodes = model.graph().nodes();
        double minX = movingIds.stream().filter(nodes::containsKey).mapToDouble(id -> nodes.get(id).x()).min().orElse(0);
        double minY = movingIds.stream().filter(nodes::containsKey).mapToDouble(id -> nodes.get(id).y()).min().orElse(0);
        Point2D p = canvas.toCanvas(e.getSceneX(), e.getSceneY());
        double dx = Math.round(p.getX() - pressX);
        double dy = Math.round(p.getY() - pressY);
        if (canvas.snapToGridProperty().get()) {
            // The held card's corner lands on a grid line; the rest of the selection keeps its place around it.
            double g = GraphCanvas.GRID;
            dx = Math.round((pressed.node().x() + dx) / g) * g - pressed.node().x();
            dy = Math.round((pressed.node().y() + dy) / g) * g - pressed.node().y();
        }
        dx = Math.max(dx, -minX);
        dy = Math.max(dy, -minY);
        for (NodeView v : moving) {
            v.setTranslateX(dx);
            v.setTranslateY(dy);
        }
        canvas.layoutEdges();
        e.consume();
    }

    private void released(MouseEvent e) {
        if (moving.isEmpty()) {
            return;
        }
        List<NodeView> moved = moving;
        moving = List.of();
        double dx = moved.get(0).getTranslateX();
        double dy = moved.get(0).getTranslateY();
        e.consume();
        if (dx == 0 && dy == 0) {
            if (narrowOnRelease) {
                model.select(List.of(pressed.node().id()));
            }
            return;
        }
        List<String> ids = movingIds;
        if (!model.execute(new MoveNodes(ids, dx, dy))) {
            for (NodeView v : moved) {
                v.setTranslateX(0);
                v.setTranslateY(0);
            }
            canvas.layoutEdges();
        }
    }
}
