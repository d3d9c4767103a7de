package org.netwright.editor.canvas;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Polyline;
import org.netwright.model.graph.Edge;

/**
 * One edge as an orthogonal line from an output port to an input port around the cards in its way
 * ({@link EdgeRoute}), with a wider invisible band to click on.
 */
final class EdgeView extends Group {
    private static final double HIT_WIDTH = 12;
    private final Edge edge;
    private final Polyline line = new Polyline();
    private final Polyline hitBand = new Polyline();
    private Double[] drawn;
    /** The id the edge carries while it can be told apart on screen (see {@link #setZoom}). */
    private final String id;

    EdgeView(Edge edge) {
        this.edge = edge;
        id = "edge-" + edge.from().nodeId() + "-" + edge.from().port() + "-" + edge.to().nodeId() + "-"
                + edge.to().port();
        getStyleClass().add("edge-view");
        line.getStyleClass().add("edge");
        line.setMouseTransparent(true);
        // A 2-px line is hard to hit; the transparent band is what the mouse actually clicks.
        hitBand.getStyleClass().add("edge-hit");
        hitBand.setStroke(Color.TRANSPARENT);
        hitBand.setStrokeWidth(HIT_WIDTH);
        hitBand.setFill(null);
        line.setFill(null);
        getChildren().addAll(hitBand, line);
    }

    Edge edge() {
        return edge;
    }

    Polyline hitBand() {
        return hitBand;
    }

    /** Routes the edge between its ports around {@code cards}. */
    void setEnds(Point2D from, Point2D to, EdgeRoute.Cards cards) {
        List<Point2D> points = EdgeRoute.route(from, to, cards);
        Double[] xy = new Double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            xy[2 * i] = points.get(i).getX();
            xy[2 * i + 1] = points.get(i).getY();
        }
        // Most edges keep their route when one card moves; setting equal points would still redo their geometry.
        if (java.util.Arrays.equals(xy, drawn)) {
            return;
        }
        drawn = xy;
        line.getPoints().setAll(xy);
        hitBand.getPoints().setAll(xy);
    }

    /** The wire being dragged out of a port: a curve with horizontal tangents at both ends. */
    static void shape(CubicCurve c, Point2D from, Point2D to) {
        double pull = Math.max(40, Math.abs(to.getX() - from.getX()) / 2);
        c.setStartX(from.getX());
        c.setStartY(from.getY());
        c.setControlX1(from.getX() + pull);
        c.setControlY1(from.getY());
        // Never left of the canvas's origin: a wire drawn back towards the first column bulged past it, the canvas
        // grew to the left and everything shifted under the pointer, so the drop missed the port aimed at.
        c.setControlX2(Math.max(Math.min(0, to.getX()), to.getX() - pull));
        c.setControlY2(to.getY());
        c.setEndX(to.getX());
        c.setEndY(to.getY());
    }

    /** How far a canvas point is from the drawn line. */
    double distanceTo(Point2D p) {
        double best = Double.MAX_VALUE;
        if (drawn == null) {
            return best;
        }
        for (int i = 0; i + 3 < drawn.length; i += 2) {
            best = Math.min(best, segmentDistance(p, drawn[i], drawn[i + 1], drawn[i + 2], drawn[i + 3]));
        }
        return best;
    }

    private static double segmentDistance(Point2D p, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((p.getX() - x1) * dx + (p.getY() - y1) * dy) / len));
        return p.distance(x1 + t * dx, y1 + t * dy);
    }

    /** The corner points of the drawn route, for tests. */
    List<Double> points() {
        return List.copyOf(line.getPoints());
    }

    /**
     * Keeps the band about 12 screen pixels wide when zoomed out, so a small curve is still easy to click. Zoomed out
     * as far as brief cards the edge goes without its id: JavaFX caches styles by style class and id, so an edge with
     * an id of its own is styled from scratch, which for the hundreds of edges a Fit shows cost more than all else.
     */
    void setZoom(double zoom) {
        hitBand.setStrokeWidth(HIT_WIDTH / Math.min(1, zoom));
        String wanted = zoom < NodeView.BRIEF_BELOW ? null : id;
        if (!java.util.Objects.equals(wanted, getId())) {
            setId(wanted);
        }
    }

    void setSelected(boolean selected) {
        line.getStyleClass().remove("edge-selected");
        if (selected) {
            line.getStyleClass().add("edge-selected");
        }
    }

    void setBroken(boolean broken) {
        line.getStyleClass().remove("edge-broken");
        if (broken) {
            line.getStyleClass().add("edge-broken");
        }
    }
}
