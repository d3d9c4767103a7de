package org.netwright.app.gallery;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.netwright.app.theme.DrawingColors;
import org.netwright.editor.canvas.CardShapes;
import org.netwright.editor.layout.CardShape;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;

/** A small drawing of a laid-out graph in the theme's colours: boxes in family colours, edges as lines. */
final class Thumbnail {
    private static final LayerCatalog CATALOG = LayerCatalog.standard();
    private static final CardShapes CARDS = CardShapes.standard();

    private Thumbnail() {
    }

    /** The graph drawn to fit {@code width} by {@code height} pixels, centred, in the theme's colours. */
    static Canvas of(Graph graph, double width, double height) {
        Canvas canvas = new Canvas(width, height);
        canvas.getStyleClass().add("gallery-thumbnail");
        return DrawingColors.paint(canvas,
                colours -> draw(canvas.getGraphicsContext2D(), graph, width, height, colours));
    }

    private static void draw(GraphicsContext g, Graph graph, double width, double height, DrawingColors colours) {
        g.clearRect(0, 0, width, height);
        g.setFill(colours.background());
        g.fillRect(0, 0, width, height);
        if (graph.isEmpty()) {
            return;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Node n : graph.nodes().values()) {
            CardShape c = CARDS.apply(n);
            minX = Math.min(minX, n.x());
            minY = Math.min(minY, n.y());
            maxX = Math.max(maxX, n.x() + c.width());
            maxY = Math.max(maxY, n.y() + c.height());
        }
        double pad = 8;
        double scale = Math.min((width - 2 * pad) / (maxX - minX), (height - 2 * pad) / (maxY - minY));
        double ox = (width - (maxX - minX) * scale) / 2 - minX * scale;
        double oy = (height - (maxY - minY) * scale) / 2 - minY * scale;
        g.setStroke(colours.line());
        g.setLineWidth(1);
        for (Edge e : graph.edges()) {
            Node a = graph.require(e.from().nodeId());
            Node b = graph.require(e.to().nodeId());
            CardShape ca = CARDS.apply(a);
            CardShape cb = CARDS.apply(b);
            double x1 = ox + (a.x() + ca.width()) * scale;
            double y1 = oy + (a.y() + ca.height() / 2) * scale;
            double x2 = ox + b.x() * scale;
            double y2 = oy + (b.y() + cb.height() / 2) * scale;
            // Orthogonal like the canvas: out, across at the middle, in.
            double mx = x2 > x1 ? (x1 + x2) / 2 : x1 + 4;
            g.strokePolyline(new double[] {x1, mx, mx, x2}, new double[] {y1, y1, y2, y2}, 4);
        }
        for (Node n : graph.nodes().values()) {
            CardShape c = CARDS.apply(n);
            double x = ox + n.x() * scale;
            double y = oy + n.y() * scale;
            g.setFill(colours.card());
            g.fillRoundRect(x, y, c.width() * scale, c.height() * scale, 4, 4);
            g.setStroke(colours.border());
            g.strokeRoundRect(x, y, c.width() * scale, c.height() * scale, 4, 4);
            Color strip = colours.family(CATALOG.find(n.type()).map(s -> s.family()).orElse(null));
            g.setFill(strip);
            g.fillRect(x, y, c.width() * scale, Math.max(2, 10 * scale));
        }
    }
}
