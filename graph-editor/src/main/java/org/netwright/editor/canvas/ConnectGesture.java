package org.netwright.editor.canvas;

import java.util.Optional;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurve;
import org.netwright.editor.EditorModel;
import org.netwright.model.command.Connect;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.PortRef;

/**
 * Dragging from an output port draws a rubber band; inputs that could take the edge light up
 * (a cheap check: free port, no cycle); releasing over an input issues one Connect command,
 * whose refusal, if any, lands in the model's message; releasing on empty canvas offers the layers that can take
 * the wire ({@link WireDropMenu}).
 */
final class ConnectGesture {
    static final String COMPATIBLE = "port-compatible";
    static final String HOVER = "port-hover";

    private final EditorModel model;
    private final GraphCanvas canvas;
    private final CubicCurve band = new CubicCurve();
    private PortRef source;
    private Circle hovered;

    ConnectGesture(EditorModel model, GraphCanvas canvas) {
        this.model = model;
        this.canvas = canvas;
        band.getStyleClass().add("rubber-band");
        band.setFill(null);
        band.setMouseTransparent(true);
        band.setManaged(false);
        band.setVisible(false);
    }

    CubicCurve band() {
        return band;
    }

    void install(NodeView view) {
        view.outPorts().forEach((port, circle) -> {
            circle.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pressed(view, port, e));
            circle.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> dragged(e));
            circle.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> released(e));
        });
    }

    private void pressed(NodeView view, String port, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        e.consume();
        canvas.requestFocus();
        source = new PortRef(view.node().id(), port);
        Point2D start = view.outPortCenter(port).orElseThrow();
        EdgeView.shape(band, start, start);
        band.setVisible(true);
        Graph graph = model.graph();
        for (NodeView target : canvas.nodeViews()) {
            target.inPorts().forEach((inPort, circle) -> {
                Edge candidate = new Edge(source, new PortRef(target.node().id(), inPort));
                if (graph.whyNotConnect(candidate).isEmpty()) {
                    circle.getStyleClass().add(COMPATIBLE);
                }
            });
        }
    }

    private void dragged(MouseEvent e) {
        if (source == null) {
            return;
        }
        e.consume();
        Point2D p = canvas.toCanvas(e.getSceneX(), e.getSceneY());
        EdgeView.shape(band, new Point2D(band.getStartX(), band.getStartY()), p);
        Circle over = canvas.inputPortAt(p, source.nodeId()).map(ref -> canvas.inPortCircle(ref)).orElse(null);
        if (over != hovered) {
            if (hovered != null) {
                hovered.getStyleClass().remove(HOVER);
            }
            if (over != null) {
                over.getStyleClass().add(HOVER);
            }
            hovered = over;
        }
    }

    private void released(MouseEvent e) {
        if (source == null) {
            return;
        }
        e.consume();
        PortRef from = source;
        Point2D at = canvas.toCanvas(e.getSceneX(), e.getSceneY());
        Optional<PortRef> target = canvas.inputPortAt(at, from.nodeId());
        end();
        if (target.isPresent()) {
            model.execute(new Connect(new Edge(from, target.get())));
        } else if (canvas.nodeViews().stream().noneMatch(v -> v.cardContains(at))
                && at.distance(canvas.nodeView(from.nodeId()).outPortCenter(from.port()).orElse(at)) > 2 * NodeGeometry.PORT_HIT) {
            // Dropped on empty canvas, away from its own port: offer the layers that can take the wire.
            WireDropMenu.show(canvas, model, from, at, e.getScreenX(), e.getScreenY());
        }
    }

    private void end() {
        source = null;
        hovered = null;
        band.setVisible(false);
        for (NodeView v : canvas.nodeViews()) {
            v.inPorts().values().forEach(c -> c.getStyleClass().removeAll(COMPATIBLE, HOVER));
        }
    }
}
