package org.netwright.app.tour;

import java.util.List;
import javafx.event.EventHandler;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;

/**
 * A tour running over one window: the window's content is dimmed except for the control the step points at, which
 * gets a ring around it, and a note beside it says what it is, with Back, Next and Close. Keys: Right or Enter for
 * next, Left for back, Esc to close; Tab moves between the buttons. The window stays usable underneath. The tour lies
 * on top of the window's content in a stack the window provides, and leaves it when closed.
 */
public final class Tour {
    /** Room between the highlighted control and its ring, and between the ring and the note. */
    private static final double PAD = 6;
    private static final double GAP = 14;
    private static final double NOTE_WIDTH = 340;

    private final Scene scene;
    private final StackPane host;
    private final Parent content;
    private final List<TourStep> steps;
    private final Pane layer = new Pane();
    private final Rectangle ring = new Rectangle();
    private Shape dim = new Rectangle();
    private final VBox note = new VBox(8);
    private final Label counter = new Label();
    private final Label title = new Label();
    private final Label text = new Label();
    private final Button back = new Button("Back");
    private final Button next = new Button("Next");
    private final Button close = new Button("Close tour");
    private final Runnable place = this::place;
    private final EventHandler<KeyEvent> keys = this::key;
    private int index;
    private boolean open;
    /** True while another window of the app is in front ({@link #stepAside()}): hidden, its step kept. */
    private boolean aside;
    /** What the last placing was made for (target, window size, note height), to place again only on a change. */
    private Object placedFor;

    private Tour(StackPane host, List<TourStep> steps) {
        this.host = host;
        this.scene = host.getScene();
        this.content = (Parent) host.getChildren().get(0);
        this.steps = List.copyOf(steps);
        layer.setId("tour-layer");
        layer.setPickOnBounds(false);
        ring.setId("tour-highlight");
        ring.setManaged(false);
        ring.setMouseTransparent(true);
        ring.setFill(Color.TRANSPARENT);
        ring.setStroke(Color.web("#1a73e8"));
        ring.setStrokeWidth(3);
        ring.setArcWidth(12);
        ring.setArcHeight(12);
        note.setId("tour-note");
        note.setManaged(false);
        note.setPadding(new Insets(14));
        note.setPrefWidth(NOTE_WIDTH);
        note.setMaxWidth(NOTE_WIDTH);
        note.setStyle("-fx-background-color: white; -fx-background-radius: 8; -fx-border-color: #1a73e8; "
                + "-fx-border-radius: 8; -fx-border-width: 2; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.3), 12, 0, 0, 3);");
        counter.setId("tour-counter");
        counter.setStyle("-fx-text-fill: #5b6673;");
        title.setId("tour-title");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 15px;");
        text.setId("tour-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        back.setId("tour-back");
        next.setId("tour-next");
        close.setId("tour-close");
        back.setOnAction(e -> back());
        next.setOnAction(e -> next());
        close.setOnAction(e -> close());
        next.setDefaultButton(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, close, gap, back, next);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label help = new Label("Keys: \u2192 or Enter next, \u2190 back, Esc close.");
        help.setStyle("-fx-text-fill: #5b6673; -fx-font-size: 11px;");
        note.getChildren().addAll(counter, title, text, buttons, help);
        dim.setMouseTransparent(true);
        layer.getChildren().addAll(dim, ring, note);
    }

    /**
     * Starts the tour at its first step over {@code host}'s first child (the window's content); {@code host} must be
     * in a scene.
     */
    public static Tour start(StackPane host, List<TourStep> steps) {
        Tour tour = new Tour(host, steps);
        tour.openOver();
        return tour;
    }

    private void openOver() {
        host.getChildren().add(layer);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        scene.addPostLayoutPulseListener(place);
        open = true;
        show(0);
    }

    public boolean isOpen() {
        return open;
    }

    /** The step shown, from 0. */
    public int step() {
        return index;
    }

    public void next() {
        if (index == steps.size() - 1) {
            close();
        } else {
            show(index + 1);
        }
    }

    public void back() {
        if (index > 0) {
            show(index - 1);
        }
    }

    /**
     * Hides the tour while another window of the app is in front of this one (the template gallery): its dimming
     * and note would stay half-seen behind that window, pointing at controls the user cannot reach, and its keys
     * are not taken. The step is kept for {@link #comeBack()}.
     */
    public void stepAside() {
        if (!open || aside) {
            return;
        }
        aside = true;
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        layer.setVisible(false);
    }

    /** Shows the tour again at the step it was on before {@link #stepAside()}, placed on the window as it is now. */
    public void comeBack() {
        if (!open || !aside) {
            return;
        }
        aside = false;
        scene.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        layer.setVisible(true);
        show(index);
    }

    /** True while the tour is open but hidden behind another window of the app. */
    public boolean isAside() {
        return aside;
    }

    /** Ends the tour and gives the window back its own content. */
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        aside = false;
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        scene.removePostLayoutPulseListener(place);
        host.getChildren().remove(layer);
        content.requestFocus();
    }

    private void show(int i) {
        index = i;
        TourStep s = steps.get(i);
        counter.setText("Step " + (i + 1) + " of " + steps.size());
        title.setText(s.title());
        text.setText(s.text());
        back.setDisable(i == 0);
        next.setText(i == steps.size() - 1 ? "Finish" : "Next");
        placedFor = null;
        place();
        // Laid out again at the next pulse, when the note's new text has its height.
        layer.requestLayout();
        next.requestFocus();
    }

    private void key(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            close();
            e.consume();
        } else if (e.getCode() == KeyCode.RIGHT) {
            next();
            e.consume();
        } else if (e.getCode() == KeyCode.LEFT) {
            back();
            e.consume();
        }
    }

    /** The control the step points at, where the tour draws its ring, in the layer's coordinates; null when absent. */
    Bounds target() {
        Node n = content.lookup(steps.get(index).target());
        if (n == null || !n.isVisible() || n.getScene() == null) {
            return null;
        }
        return layer.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
    }

    /** Puts the ring round the target and the note beside it; again after each layout, as the window may change. */
    private void place() {
        if (!open) {
            return;
        }
        Bounds t = target();
        double w = scene.getWidth();
        double h = scene.getHeight();
        Bounds key = t == null ? new javafx.geometry.BoundingBox(w / 2, h / 2, 0, 0) : t;
        Object state = java.util.Arrays.asList(key, w, h, steps.get(index));
        if (state.equals(placedFor)) {
            return;
        }
        placedFor = state;
        layer.getChildren().remove(dim);
        Rectangle all = new Rectangle(0, 0, w, h);
        if (t != null) {
            ring.setVisible(true);
            ring.setX(Math.max(2, t.getMinX() - PAD));
            ring.setY(Math.max(2, t.getMinY() - PAD));
            ring.setWidth(Math.min(w - 4, t.getMaxX() + PAD) - ring.getX());
            ring.setHeight(Math.min(h - 4, t.getMaxY() + PAD) - ring.getY());
            Rectangle hole = new Rectangle(ring.getX(), ring.getY(), ring.getWidth(), ring.getHeight());
            hole.setArcWidth(12);
            hole.setArcHeight(12);
            dim = Shape.subtract(all, hole);
        } else {
            ring.setVisible(false);
            dim = all;
        }
        dim.setFill(Color.rgb(0, 0, 0, 0.28));
        dim.setMouseTransparent(true);
        dim.setId("tour-dim");
        layer.getChildren().add(0, dim);
        note.applyCss();
        double nh = Math.max(note.prefHeight(NOTE_WIDTH), 120);
        note.resize(NOTE_WIDTH, nh);
        double[] at = noteAt(t == null ? key : new javafx.geometry.BoundingBox(ring.getX(), ring.getY(),
                ring.getWidth(), ring.getHeight()), NOTE_WIDTH, nh, w, h);
        note.relocate(at[0], at[1]);
        // Placed from a post-layout listener: a pulse more makes sure the new shade is drawn, not only laid out.
        javafx.application.Platform.requestNextPulse();
    }

    /**
     * Where the note goes: right of the target, else left, else below, else above, else inside its top-left corner;
     * always within the window.
     */
    static double[] noteAt(Bounds t, double nw, double nh, double w, double h) {
        double x;
        double y;
        if (t.getMaxX() + GAP + nw <= w) {
            x = t.getMaxX() + GAP;
            y = t.getMinY();
        } else if (t.getMinX() - GAP - nw >= 0) {
            x = t.getMinX() - GAP - nw;
            y = t.getMinY();
        } else if (t.getMaxY() + GAP + nh <= h) {
            x = t.getMinX();
            y = t.getMaxY() + GAP;
        } else if (t.getMinY() - GAP - nh >= 0) {
            x = t.getMinX();
            y = t.getMinY() - GAP - nh;
        } else {
            x = t.getMinX() + GAP;
            y = t.getMinY() + GAP;
        }
        x = Math.max(GAP, Math.min(x, w - nw - GAP));
        y = Math.max(GAP, Math.min(y, h - nh - GAP));
        return new double[] {x, y};
    }
}
