package org.netwright.editor.canvas;

import java.util.Collection;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.geometry.Bounds;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * An overview of the whole graph in a small box: every card as a rectangle (selected ones highlighted) and the part
 * the canvas shows as a frame. Pressing or dragging in it centres the canvas on that point. Drawn on one
 * {@link Canvas}, so a graph of thousands of cards costs one fill per card and no scene nodes.
 */
final class Minimap extends StackPane {
    static final double WIDTH = 220;
    static final double HEIGHT = 150;
    private static final double PAD = 6;
    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);
    private final BiConsumer<Double, Double> centerOn;
    /** Content-to-minimap mapping of the last drawing: minimap = (content - origin) * scale + PAD. */
    private double scale = 1;
    private double originX;
    private double originY;
    private Bounds frame;

    /** @param centerOn scrolls the canvas so that a content point is in the middle of the view */
    Minimap(BiConsumer<Double, Double> centerOn) {
        this.centerOn = centerOn;
        setId("minimap");
        getStyleClass().add("minimap");
        setMaxSize(WIDTH, HEIGHT);
        setPrefSize(WIDTH, HEIGHT);
        getChildren().add(canvas);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::point);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::point);
        // A press here must not reach the canvas below (it would clear the selection).
        addEventHandler(MouseEvent.ANY, MouseEvent::consume);
    }

    /** Draws the cards ({@code cards} by node id) and the visible {@code view}, all in content coordinates. */
    void draw(java.util.Map<String, Bounds> cards, Set<String> selected, Bounds view) {
        double minX = view.getMinX();
        double minY = view.getMinY();
        double maxX = view.getMaxX();
        double maxY = view.getMaxY();
        for (Bounds b : cards.values()) {
            minX = Math.min(minX, b.getMinX());
            minY = Math.min(minY, b.getMinY());
            maxX = Math.max(maxX, b.getMaxX());
            maxY = Math.max(maxY, b.getMaxY());
        }
        scale = Math.min((WIDTH - 2 * PAD) / Math.max(1, maxX - minX), (HEIGHT - 2 * PAD) / Math.max(1, maxY - minY));
        originX = minX;
        originY = minY;
        frame = view;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        g.setFill(Color.rgb(120, 130, 145, 0.85));
        paint(g, cards.values(), false);
        g.setFill(Color.rgb(25, 118, 210));
        for (String id : selected) {
            Bounds b = cards.get(id);
            if (b != null) {
                paint(g, java.util.List.of(b), true);
            }
        }
        g.setStroke(Color.rgb(230, 81, 0));
        g.setLineWidth(1.5);
        g.strokeRect(x(view.getMinX()), y(view.getMinY()), view.getWidth() * scale, view.getHeight() * scale);
    }

    private void paint(GraphicsContext g, Collection<Bounds> cards, boolean selected) {
        for (Bounds b : cards) {
            // At least a pixel, so a tiny card of a huge graph does not vanish.
            g.fillRect(x(b.getMinX()), y(b.getMinY()), Math.max(1, b.getWidth() * scale), Math.max(1, b.getHeight() * scale));
        }
    }

    private double x(double contentX) {
        return (contentX - originX) * scale + PAD;
    }

    private double y(double contentY) {
        return (contentY - originY) * scale + PAD;
    }

    /** The content point under a minimap point. */
    javafx.geometry.Point2D toContent(double mx, double my) {
        return new javafx.geometry.Point2D((mx - PAD) / scale + originX, (my - PAD) / scale + originY);
    }

    /** The visible frame as last drawn, in minimap coordinates, for tests. */
    Bounds frameOnMap() {
        return frame == null ? null : new javafx.geometry.BoundingBox(x(frame.getMinX()), y(frame.getMinY()),
                frame.getWidth() * scale, frame.getHeight() * scale);
    }

    private void point(MouseEvent e) {
        if (e.isPrimaryButtonDown()) {
            javafx.geometry.Point2D p = toContent(e.getX(), e.getY());
            centerOn.accept(p.getX(), p.getY());
        }
    }
}
