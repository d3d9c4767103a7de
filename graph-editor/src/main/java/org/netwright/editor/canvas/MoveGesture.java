package org.netwright.editor.canvas;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.netwright.editor.EditorModel;
import org.netwright.model.command.MoveNodes;

/**
 * Press on a card selects it; dragging moves only the view; the release issues one MoveNodes
 * command (none when the card did not move), so a drag is one undo step.
 */
final class MoveGesture {
    private final EditorModel model;
    private final GraphCanvas canvas;
    private double pressX;
    private double pressY;
    private boolean dragging;

    MoveGesture(EditorModel model, GraphCanvas canvas) {
        this.model = model;
        this.canvas = canvas;
    }

    void install(NodeView view) {
        view.card().addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pressed(view, e));
        view.card().addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> dragged(view, e));
        view.card().addEventHandler(MouseEvent.MOUSE_RELEASED, e -> released(view, e));
    }

    private void pressed(NodeView view, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        canvas.requestFocus();
        model.selectedNodeProperty().set(view.node().id());
        // Content coordinates, so the card follows the mouse by the right model distance at any zoom.
        Point2D p = canvas.toCanvas(e.getSceneX(), e.getSceneY());
        pressX = p.getX();
        pressY = p.getY();
        dragging = true;
        view.toFront();
        e.consume();
    }

    private void dragged(NodeView view, MouseEvent e) {
        if (!dragging) {
            return;
        }
        // Whole pixels keep saved coordinates tidy; the card may not leave the canvas on the top or left.
        Point2D p = canvas.toCanvas(e.getSceneX(), e.getSceneY());
        double dx = Math.max(Math.round(p.getX() - pressX), -view.node().x());
        double dy = Math.max(Math.round(p.getY() - pressY), -view.node().y());
        view.setTranslateX(dx);
        view.setTranslateY(dy);
        canvas.layoutEdges();
        e.consume();
    }

    private void released(NodeView view, MouseEvent e) {
        if (!dragging) {
            return;
        }
        dragging = false;
        double dx = view.getTranslateX();
        double dy = view.getTranslateY();
        e.consume();
        if (dx == 0 && dy == 0) {
            return;
        }
        if (!model.execute(new MoveNodes(List.of(view.node().id()), dx, dy))) {
            view.setTranslateX(0);
            view.setTranslateY(0);
            canvas.layoutEdges();
        }
    }
}
