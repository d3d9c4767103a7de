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
 * the wire ({@link WireDropMenu}). Dragging the other way, from an input port, works alike: the outputs that could
 * feed it light up and releasing over one connects them (a card's hint says "Connect input 'in' to an output", so
 * users start from the input as often as from the output).
 */
final class ConnectGesture {
    static final String COMPATIBLE = "port-compatible";
    static final String HOVER = "port-hover";
    static final String INCOMPATIBLE = "port-incompatible";
    /** Why each drawn input port cannot take the wire being dragged (structure or shapes); absent when it can. */
    private final java.util.Map<Circle, String> refusals = new java.util.IdentityHashMap<>();
    private final javafx.scene.control.Label why = new javafx.scene.control.Label();

    private final EditorModel model;
    private final GraphCanvas canvas;
    private final CubicCurve band = new CubicCurve();
    private PortRef source;
    /** True while the wire is dragged from an input port towards an output. */
    private boolean fromInput;
    /** The fixed end of the band: the port the drag started from. */
    private Point2D anchor;
    private Circle hovered;

    ConnectGesture(EditorModel model, GraphCanvas canvas) {
        this.model = model;
        this.canvas = canvas;
        band.getStyleClass().add("rubber-band");
        band.setId("wire-band");
        band.setFill(null);
        band.setMouseTransparent(true);
        band.setManaged(false);
        band.setVisible(false);
    }

    /** The note beside the pointer saying why the input under it cannot take the wire. */
    javafx.scene.control.Label why() {
        why.getStyleClass().add("port-refusal");
        why.setMouseTransparent(true);
        why.setVisible(false);
        why.setWrapText(true);
        why.setMaxWidth(280);
        return why;
    }

    /** The reason shown while the pointer is over a refusing input, or "" when none is shown; for tests. */
    String shownReason() {
        return why.isVisible() ? why.getText() : "";
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
        view.inPorts().forEach((port, circle) -> {
            circle.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pressedInput(view, port, e));
            circle.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> dragged(e));
            circle.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> released(e));
        });
    }

    private void pressed(NodeView view, String port, MouseEvent e) {
        begin(view, port, false, e);
    }

    /** A press on an input port: the outputs that could feed it light up, the others say why not. */
    private void pressedInput(NodeView view, String port, MouseEvent e) {
        begin(view, port, true, e);
    }

    /**
     * Starts a wire from {@code port} of {@code view} (an input when {@code input}): the ports at its other end that
     * could take it light up, the others are marked with why not ({@link EditorModel#whyNotWire}: a cycle, a taken
     * input, or the shape problem the wire would make). The start card's own ports are never marked refused.
     */
    private void begin(NodeView view, String port, boolean input, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        e.consume();
        canvas.requestFocus();
        source = new PortRef(view.node().id(), port);
        fromInput = input;
        anchor = (input ? view.inPortCenter(port) : view.outPortCenter(port)).orElseThrow();
        EdgeView.shape(band, anchor, anchor);
        band.setVisible(true);
        Graph graph = model.graph();
        org.netwright.model.shape.GraphShapes shapes = model.shapes();
        for (NodeView other : canvas.nodeViews()) {
            boolean own = other.node().id().equals(source.nodeId());
            if (input && own) {
                continue;
            }
            (input ? other.outPorts() : other.inPorts()).forEach((otherPort, circle) -> {
                PortRef end = new PortRef(other.node().id(), otherPort);
                Optional<String> refused = EditorModel.whyNotWire(graph, shapes,
                        input ? new Edge(end, source) : new Edge(source, end));
                if (refused.isEmpty()) {
                    circle.getStyleClass().add(COMPATIBLE);
                } else if (!own) {
                    circle.getStyleClass().add(INCOMPATIBLE);
                    refusals.put(circle, refused.get());
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
        Circle over;
        if (fromInput) {
            // The band runs from the pointer (where an output will be) to the input it started from.
            EdgeView.shape(band, p, anchor);
            over = canvas.outputPortAt(p, source.nodeId()).map(ref -> canvas.outPortCircle(ref)).orElse(null);
        } else {
            EdgeView.shape(band, anchor, p);
            over = canvas.inputPortAt(p, source.nodeId()).map(ref -> canvas.inPortCircle(ref)).orElse(null);
        }
        if (over != hovered) {
            if (hovered != null) {
                hovered.getStyleClass().remove(HOVER);
            }
            if (over != null) {
                over.getStyleClass().add(HOVER);
            }
            hovered = over;
        }
        String reason = over == null ? null : refusals.get(over);
        why.setVisible(reason != null);
        if (reason != null) {
            why.setText(reason);
            why.relocate(p.getX() + 14, p.getY() + 10);
            why.toFront();
        }
    }

    private void released(MouseEvent e) {
        if (source == null) {
            return;
        }
        e.consume();
        PortRef from = source;
        Point2D at = canvas.toCanvas(e.getSceneX(), e.getSceneY());
        if (fromInput) {
            Optional<PortRef> feeder = canvas.outputPortAt(at, from.nodeId());
            end();
            feeder.ifPresent(out -> model.execute(new Connect(new Edge(out, from))));
            return;
        }
        Optional<PortRef> target = canvas.inputPortAt(at, from.nodeId());
        end();
        if (target.isPresent()) {
            model.execute(new Connect(new Edge(from, target.get())));
        } else if (canvas.nodeViews().stream().noneMatch(v -> v.cardContains(at))
                && at.distance(canvas.nodeView(from.nodeId()).outPortCenter(from.port()).orElse(at)) > 2 * NodeGeometry.PORT_HIT) {
            // Dropped on empty canvas, away from its own port: offer the layers that can take the wire.
            Point2D port = canvas.nodeView(from.nodeId()).outPortCenter(from.port()).orElse(at);
            Point2D drop = WireDropMenu.alignedDrop(at, port);
            javafx.stage.Popup list = WireDropMenu.show(canvas, model, from, drop, e.getScreenX(), e.getScreenY());
            // The wire stays drawn to where the new layer will go until the list closes, chosen or cancelled.
            EdgeView.shape(band, port, drop);
            band.setVisible(true);
            list.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, hidden -> {
                if (source == null) {
                    band.setVisible(false);
                }
            });
        }
    }

    private void end() {
        source = null;
        hovered = null;
        band.setVisible(false);
        why.setVisible(false);
        refusals.clear();
        for (NodeView v : canvas.nodeViews()) {
            v.inPorts().values().forEach(c -> c.getStyleClass().removeAll(COMPATIBLE, HOVER, INCOMPATIBLE));
            v.outPorts().values().forEach(c -> c.getStyleClass().removeAll(COMPATIBLE, HOVER, INCOMPATIBLE));
        }
    }
}
