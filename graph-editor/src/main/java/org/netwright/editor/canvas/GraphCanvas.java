package org.netwright.editor.canvas;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.netwright.editor.EditorModel;
import org.netwright.editor.EditorStyles;
import org.netwright.editor.LayerTransfer;
import org.netwright.editor.NodePorts;
import org.netwright.editor.layout.LayeredLayout;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.CompositeFlattening;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.NodeReport;
import org.netwright.model.shape.Shape;

/**
 * The scrollable canvas that draws the model's graph as cards and orthogonal edges and turns mouse and
 * keyboard gestures into graph commands. After an edit it rebuilds only the cards and edges that changed. Only the
 * cards in or near the visible part of the canvas are in the scene (a card costs milliseconds to style and lay out,
 * so a graph of hundreds of cards would take seconds to show): the others are placed from {@link CardShapes}
 * without drawing them, and an edge is drawn only when it can cross the shown region.
 */
public final class GraphCanvas extends StackPane {
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination REDO_Y = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination SELECT_ALL = new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination CUT = new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination DUPLICATE = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination LAYOUT = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination GROUP = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination UNGROUP = new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    // "+" is Shift+= on many keyboards, so Shift is allowed but not needed.
    private static final List<KeyCombination> ZOOM_IN = List.of(
            new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY),
            new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_ANY),
            new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN));
    private static final List<KeyCombination> ZOOM_OUT = List.of(
            new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN));
    private static final List<KeyCombination> ZOOM_RESET = List.of(
            new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.NUMPAD0, KeyCombination.SHORTCUT_DOWN));
    /** Room left around the graph by {@link #fitToView()}, in screen pixels. */
    private static final double FIT_MARGIN = 40;
    /** Room to the right and below the last card, so there is always space to drop and drag into. */
    private static final double MARGIN = 600;

    private final EditorModel model;
    private final LayerCatalog catalog = LayerCatalog.standard();
    private final Pane content = new Pane();
    private final Group edgeLayer = new Group();
    private final Group nodeLayer = new Group();
    // Its content (set in the constructor) is the zoomed content's size, so the scroll pane scrolls over that.
    private final ScrollPane scroll = new ScrollPane();
    private final CanvasZoom zoom = new CanvasZoom(scroll, content, this::sizeContent);
    private final Label hint = new Label("Drag a layer from the palette to start");
    private final Map<String, NodeView> nodeViews = new LinkedHashMap<>();
    private final Map<Edge, EdgeView> edgeViews = new HashMap<>();
    private final ObjectProperty<CardMetric> metric = new SimpleObjectProperty<>(this, "cardMetric", CardMetric.PARAMS);
    private final MoveGesture move;
    private final ConnectGesture connect;
    /** The path id of the composite this canvas shows the inside of ("" for the project's graph). */
    private final String path;
    /** Shapes inside composites as they sit in the project's graph; null on the project's own canvas. */
    private final BodyShapes bodyShapes;
    private java.util.function.Consumer<Node> blockOpener;
    /** Set while a newly shown graph waits for its first layout, after which the view is fitted to it. */
    private boolean fitPending = true;
    /**
     * The viewport the last fit was made for, while the view still shows that fit: until someone
     * touches the canvas or the graph changes, a new viewport size (the window still settling, or
     * resized) fits again. Null otherwise.
     */
    private Bounds fittedViewport;
    /** A view kept by hand, shown instead of the fit at the next layout with a viewport (a reopened project); or null. */
    private org.netwright.model.store.SavedView pendingView;
    /**
     * The view kept by hand that was shown, and the viewport it was shown in, while no one has touched the canvas
     * since: a new viewport size (the window still settling) centres it again. Null otherwise.
     */
    private org.netwright.model.store.SavedView restoredView;
    private Bounds restoredViewport;
    private final Runnable fitWhenLaidOut = this::fitIfPending;
    /** Card shapes of nodes without a card, keyed by node id and kept while the node is the same instance. */
    private final Map<String, Map.Entry<Node, Bounds>> placed = new HashMap<>();
    private final CardShapes cardShapes = CardShapes.standard();
    /** The content region whose cards are in the scene (the viewport and a margin around it); null before the first. */
    private Bounds shownRegion;
    /** Whether the cards in the scene are drawn brief (zoomed out below {@link NodeView#BRIEF_BELOW}). */
    private boolean drawnBrief;
    /** How many cards this canvas has created so far, for tests that check only the visible ones are. */
    private int cardsCreated;
    private final Minimap minimap = new Minimap(this::centerOn);
    /** The zoom bar and the banner, bottom right and bottom left over the canvas: Fit keeps the cards above them. */
    private final ZoomBar bar;
    private final CanvasBanner banner;
    private final javafx.beans.property.BooleanProperty minimapShown =
            new javafx.beans.property.SimpleBooleanProperty(this, "minimapShown", true);
    /** What the minimap last drew: redrawn only when a card's bounds, the selection or the view changed. */
    private Object minimapDrawn;
    /** What the minimap's corner was last chosen for: chosen again only when the cards or the view changed. */
    private Object minimapPlaced;
    /** Counts changes of the selection, for the minimap. */
    private long selectionVersion;
    /** Every card's bounds, worked out again only for cards that changed (the minimap and the edges read them). */
    private final CardBoxes boxes = new CardBoxes(this::currentBounds);
    private boolean redrawQueued;
    /** The nodes the last edit added, and one of them just selected, to scroll into view after the next layout. */
    private java.util.Set<String> added = java.util.Set.of();
    private String pendingReveal;
    /** Set when only the visible cards were drawn: those around them are drawn after the next layout pass. */
    private boolean widenPending;
    /** Set for the redraw that adds the cards around the visible ones. */
    private boolean widenNow;
    /** Marks the cards again when the run's words change; held here so the map holds it only weakly. */
    private final javafx.collections.MapChangeListener<String, String> onRunWarnings;

    /** The spacing of the canvas's background grid (editor.css), which snapping lines cards up on. */
    static final double GRID = 24;
    private final javafx.beans.property.BooleanProperty snapToGrid =
            new javafx.beans.property.SimpleBooleanProperty(this, "snapToGrid", false);

    public GraphCanvas(EditorModel model) {
        this(model, "", null);
    }

    /** A canvas showing the inside of the composite at {@code path}, for {@link CompositeBodyWindow}. */
    private GraphCanvas(EditorModel model, String path, BodyShapes bodyShapes) {
        this.model = model;
        this.path = path;
        this.bodyShapes = bodyShapes;
        this.move = new MoveGesture(model, this);
        this.connect = new ConnectGesture(model, this);
        setId("graph-canvas");
        getStyleClass().add("graph-canvas");
        EditorStyles.apply(this);
        setFocusTraversable(true);

        scroll.setContent(new ScaledContent(content, zoom.zoomProperty()));
        content.getStyleClass().add("graph-canvas-content");
        content.getChildren().addAll(edgeLayer, nodeLayer, connect.band(), connect.why());
        // Dragging empty canvas draws a selection box; the middle button (or Ctrl+drag) pans instead.
        scroll.setPannable(!model.isEditable());
        installPanning();
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add("graph-canvas-scroll");
        // Keep the content at least as large as the viewport so drops and clicks land everywhere.
        scroll.viewportBoundsProperty().addListener((o, was, now) -> sizeContent());
        hint.getStyleClass().add("graph-canvas-hint");
        hint.setMouseTransparent(true);
        bar = new ZoomBar(this);
        StackPane.setAlignment(bar, Pos.BOTTOM_RIGHT);
        // Clear of the scroll bars.
        StackPane.setMargin(bar, new Insets(0, CONTROLS_MARGIN, CONTROLS_MARGIN, 0));
        banner = new CanvasBanner(model);
        // Bottom left, beside the zoom bar: a fitted graph starts at the top left, so the bottom is the emptier side.
        StackPane.setAlignment(banner, Pos.BOTTOM_LEFT);
        StackPane.setMargin(banner, new Insets(0, 0, CONTROLS_MARGIN, 16));
        StackPane.setAlignment(minimap, Pos.TOP_RIGHT);
        StackPane.setMargin(minimap, new Insets(10, 22, 0, 0));
        minimap.setVisible(false);
        getChildren().addAll(scroll, hint, bar, banner, minimap);

        content.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() == content) {
                // Focus first: an inspector field that loses it commits to the node it shows.
                requestFocus();
                model.selectedNodeProperty().set(null);
                model.selectedEdgeProperty().set(null);
                model.clearMessage();
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        if (model.isEditable()) {
            RubberBand band = new RubberBand(this, model);
            content.getChildren().add(band.box());
            band.install(content);
            CanvasMenu.install(this, model, content);
        } else {
            hint.setText("This block is empty.");
        }
        // A filter, so Ctrl+wheel zooms instead of also scrolling the pane.
        scroll.addEventFilter(ScrollEvent.SCROLL, this::wheel);
        // Any wheel or press (scrolling, panning, dragging) means the view is now the user's.
        addEventFilter(ScrollEvent.SCROLL, e -> {
            fittedViewport = null;
            restoredView = null;
        });
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            fittedViewport = null;
            restoredView = null;
        });
        addEventHandler(DragEvent.DRAG_OVER, this::dragOver);
        addEventHandler(DragEvent.DRAG_DROPPED, this::dragDropped);

        model.graphProperty().addListener((o, was, now) -> {
            fittedViewport = null;
            restoredView = null;
            added = was == null ? java.util.Set.of() : newIds(was, now);
            redraw();
        });
        // A layer just added and selected (double-clicked in the palette, pasted, chosen for a dropped wire) but
        // placed outside the view is scrolled into it once laid out: the user should see what they added.
        model.selectedNodeProperty().addListener((o, was, now) -> {
            if (now != null && added.contains(now)) {
                pendingReveal = now;
                requestLayout();
            }
        });
        metric.addListener((o, was, now) -> redraw());
        zoom.zoomProperty().addListener((o, was, now) -> {
            edgeViews.values().forEach(v -> v.setZoom(now.doubleValue()));
            if ((now.doubleValue() < NodeView.BRIEF_BELOW) != drawnBrief) {
                // Crossing the threshold swaps full cards for brief ones or back (after this pulse, as a scroll does).
                queueRedraw();
            } else {
                nodeViews.values().forEach(v -> v.fitTitleTo(now.doubleValue()));
            }
        });
        // A project opened or reset is framed once it is laid out; ordinary edits leave the view alone.
        model.graphReplacementsProperty().addListener((o, was, now) -> {
            fitPending = true;
            pendingView = null;
            restoredView = null;
            requestLayout();
        });
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(fitWhenLaidOut);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(fitWhenLaidOut);
            }
        });
        model.selectedNodes().addListener((javafx.collections.SetChangeListener<String>) c -> {
            selectionVersion++;
            showSelection();
            // The minimap draws the selection after the next layout pass.
            requestLayout();
        });
        minimapShown.addListener((o, was, now) -> requestLayout());
        // Weakly: every level's canvas shares the project's map, and a closed block's canvas should not stay reachable.
        onRunWarnings = c -> nodeViews.forEach((id, view) -> view.setRunWarning(model.runWarningOf(id)));
        model.runWarnings().addListener(new javafx.collections.WeakMapChangeListener<>(onRunWarnings));
        model.selectedEdgeProperty().addListener((o, was, now) -> showSelection());
        redraw();
    }

    private double panX;
    private double panY;
    private boolean panning;

    /** Pans by dragging with the middle button, or with the primary button and Ctrl held, anywhere on the canvas. */
    private void installPanning() {
        scroll.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            panning = e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && e.isShortcutDown()
                    && e.getTarget() == content);
            if (panning) {
                panX = e.getSceneX();
                panY = e.getSceneY();
                e.consume();
            }
        });
        scroll.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!panning) {
                return;
            }
            Bounds viewport = scroll.getViewportBounds();
            Bounds all = scroll.getContent().getLayoutBounds();
            double rangeX = Math.max(1, all.getWidth() - viewport.getWidth());
            double rangeY = Math.max(1, all.getHeight() - viewport.getHeight());
            scroll.setHvalue(clamp01(scroll.getHvalue() - (e.getSceneX() - panX) / rangeX));
            scroll.setVvalue(clamp01(scroll.getVvalue() - (e.getSceneY() - panY) / rangeY));
            panX = e.getSceneX();
            panY = e.getSceneY();
            fittedViewport = null;
            e.consume();
        });
        scroll.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (panning) {
                panning = false;
                e.consume();
            }
        });
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** False for a canvas that only shows a graph (a composite's inside). */
    public boolean isEditable() {
        return model.isEditable();
    }

    /** Where a card dropped "in the middle" should go: centred in the visible part of the canvas. */
    public Point2D visibleCenter() {
        Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
        Point2D c = content.sceneToLocal(viewport.getCenterX(), viewport.getCenterY());
        if (c == null) {
            c = new Point2D(getWidth() / 2, getHeight() / 2);
        }
        return new Point2D(Math.max(0, c.getX() - NodeGeometry.WIDTH / 2), Math.max(0, c.getY() - 40));
    }

    /** What the cards' second line counts: parameters (the default) or multiply-accumulates. */
    public ObjectProperty<CardMetric> cardMetricProperty() {
        return metric;
    }

    /** The zoom factor, 1 for 100%; between 0.25 and 2. */
    public ReadOnlyDoubleProperty zoomProperty() {
        return zoom.zoomProperty();
    }

    /** Zooms to {@code z} (clamped to 25%–200%) around the middle of the visible part. */
    public void setZoom(double z) {
        fittedViewport = null;
        restoredView = null;
        zoom.zoomAroundCenter(z);
    }

    public void zoomIn() {
        setZoom(CanvasZoom.step(zoom.zoom(), 1));
    }

    public void zoomOut() {
        setZoom(CanvasZoom.step(zoom.zoom(), -1));
    }

    /** Scales (never above 100%) and scrolls so every card is visible with a margin around them. */
    public void fitToView() {
        fitPending = false;
        restoredView = null;
        zoom.fit(graphBounds(), fitMargins());
        fittedViewport = scroll.getViewportBounds();
    }

    /**
     * The room {@link #fitToView()} leaves around the cards: {@link #FIT_MARGIN}, and at the bottom the band of the
     * zoom bar and the banner (the lock while a run trains, a refusal), which covered the lowest cards before.
     */
    Insets fitMargins() {
        double controls = Math.max(bar.prefHeight(-1), banner.isVisible() ? banner.prefHeight(-1) : 0);
        // Their own margin from the edge (see the constructor) and a few pixels of air above them.
        double bottom = Math.max(FIT_MARGIN, controls + CONTROLS_MARGIN + 8);
        return new Insets(FIT_MARGIN, FIT_MARGIN, bottom, FIT_MARGIN);
    }

    /** The nodes of {@code now} that {@code was} did not have. */
    private static java.util.Set<String> newIds(org.netwright.model.graph.Graph was,
                                                org.netwright.model.graph.Graph now) {
        java.util.Set<String> ids = new java.util.HashSet<>(now.nodes().keySet());
        ids.removeAll(was.nodes().keySet());
        return ids;
    }

    /** Scrolls the card of {@link #pendingReveal} into the middle of the view when it is not wholly in view. */
    private void revealIfPending(Bounds visible) {
        String id = pendingReveal;
        pendingReveal = null;
        Node node = id == null ? null : model.graph().nodes().get(id);
        if (node == null || visible == null || fitPending) {
            return;
        }
        if (!contains(visible, placedBounds(node))) {
            reveal(id);
        }
    }

    /** How far the zoom bar and the banner sit from the canvas's bottom edge (clear of the scroll bar). */
    private static final double CONTROLS_MARGIN = 22;

    /**
     * Lays the graph out automatically (an undoable edit) so that it shows as large as possible in this canvas's
     * view, then fits the view to it; false with the reason in the model's message when nothing moved.
     */
    public boolean layOut() {
        Bounds viewport = scroll.getViewportBounds();
        Insets m = fitMargins();
        double w = viewport.getWidth() > m.getLeft() + m.getRight() ? viewport.getWidth() - m.getLeft() - m.getRight()
                : LayeredLayout.VIEW_WIDTH;
        double h = viewport.getHeight() > m.getTop() + m.getBottom() ? viewport.getHeight() - m.getTop() - m.getBottom()
                : LayeredLayout.VIEW_HEIGHT;
        if (!model.layOut(CardShapes.standard(), w, h)) {
            return false;
        }
        fitPending = true;
        requestLayout();
        return true;
    }

    /** After each layout pass: fits a newly shown graph, or keeps an untouched fit fitted to a new viewport size. */
    private void fitIfPending() {
        Bounds viewport = scroll.getViewportBounds();
        if (viewport.getWidth() <= 0) {
            return;
        }
        Bounds visible = visibleRegion();
        if (visible != null && (shownRegion == null || !contains(shownRegion, visible))) {
            queueRedraw();
        } else if (widenPending) {
            // The cards in view are laid out: now those around them, so scrolling a little finds them drawn.
            widenPending = false;
            widenNow = true;
            queueRedraw();
        }
        drawMinimap(visible);
        revealIfPending(visible);
        // A few pixels are the focus ring coming and going, not a new window size.
        boolean resized = fittedViewport != null && (Math.abs(viewport.getWidth() - fittedViewport.getWidth()) > 4
                || Math.abs(viewport.getHeight() - fittedViewport.getHeight()) > 4);
        if (restoredView != null && (Math.abs(viewport.getWidth() - restoredViewport.getWidth()) > 4
                || Math.abs(viewport.getHeight() - restoredViewport.getHeight()) > 4)) {
            pendingView = restoredView;
        }
        if (pendingView != null) {
            org.netwright.model.store.SavedView view = pendingView;
            pendingView = null;
            fitPending = false;
            zoom.zoomAroundCenter(CanvasZoom.clamp(view.zoom()));
            centerOn(view.centerX(), view.centerY());
            restoredView = view;
            restoredViewport = viewport;
            return;
        }
        if (fitPending || resized) {
            fitToView();
        }
    }

    /**
     * The view as the user left it by hand (zoomed, scrolled, panned), or empty while it shows the fit: what the
     * project keeps, so it opens as it was left.
     */
    public java.util.Optional<org.netwright.model.store.SavedView> handView() {
        Bounds viewport = scroll.getViewportBounds();
        if (fittedViewport != null || fitPending || pendingView != null || getScene() == null
                || viewport.getWidth() <= 0 || viewport.getHeight() <= 0) {
            return java.util.Optional.empty();
        }
        // The point centerOn puts in the middle of the viewport (scroll bars not counted), so it comes back exactly.
        Bounds all = scroll.getContent().getLayoutBounds();
        double z = zoom.zoom();
        double x = (Math.max(0, all.getWidth() - viewport.getWidth()) * scroll.getHvalue() + viewport.getWidth() / 2) / z;
        double y = (Math.max(0, all.getHeight() - viewport.getHeight()) * scroll.getVvalue() + viewport.getHeight() / 2)
                / z;
        return java.util.Optional.of(new org.netwright.model.store.SavedView(z, x, y));
    }

    /** Shows {@code view} (a reopened project's, kept by hand) instead of the fit, once the canvas is laid out. */
    public void showHandView(org.netwright.model.store.SavedView view) {
        pendingView = java.util.Objects.requireNonNull(view);
        requestLayout();
    }

    /** Calls {@code changed} whenever the zoom or the scroll position changes (by hand, a fit, or a project opened). */
    public void onViewChanged(Runnable changed) {
        zoom.zoomProperty().addListener((o, was, now) -> changed.run());
        scroll.hvalueProperty().addListener((o, was, now) -> changed.run());
        scroll.vvalueProperty().addListener((o, was, now) -> changed.run());
    }

    /** Redraws soon, once: not inside a layout pass, where added cards would wait, unsized, for some later pulse. */
    private void queueRedraw() {
        if (redrawQueued) {
            return;
        }
        redrawQueued = true;
        javafx.application.Platform.runLater(() -> {
            redrawQueued = false;
            redraw();
        });
    }

    /** The area the cards cover in content coordinates, or null for an empty graph. */
    private Bounds graphBounds() {
        // The cards themselves: their bounds in the parent also hold their drop shadows and the port dots on their
        // edges, which made a fit after the cards were drawn (a reopened project) come out at 99 % where the first
        // fit, from the shapes alone, and the layout made for the view gave 100 %.
        return boxes.union();
    }

    /**
     * Where a node's card is now: a drawn card's own bounds (from its laid-out size, counting a drag in progress;
     * cheaper than its bounds in the scene, which take in its shadow and port circles), else from its shape.
     */
    private Bounds currentBounds(String id) {
        NodeView v = nodeViews.get(id);
        return v != null ? v.cardBounds() : placedBounds(model.graph().require(id));
    }

    /** Where a node's card is (or would be) on the canvas, from its shape, without drawing it. */
    private Bounds placedBounds(Node node) {
        Map.Entry<Node, Bounds> known = placed.get(node.id());
        if (known != null && known.getKey() == node) {
            return known.getValue();
        }
        Bounds b = new BoundingBox(node.x(), node.y(), NodeGeometry.WIDTH, cardShapes.apply(node).height());
        placed.put(node.id(), Map.entry(node, b));
        return b;
    }

    private void drawMinimap(Bounds visible) {
        Bounds all = boxes.union();
        // Only a graph that does not fit the view needs an overview; over a small one the box would hide cards.
        boolean wanted = minimapShown.get() && visible != null && all != null && !contains(visible, all);
        minimap.setVisible(wanted);
        if (!wanted) {
            minimapDrawn = null;
            return;
        }
        // This runs after every layout pass: the corner and the drawing are made again only when what they show changed.
        long cards = boxes.version();
        Object placing = List.of(cards, visible, zoom.zoom(), scroll.getViewportBounds(), fitMargins().getBottom());
        if (!placing.equals(minimapPlaced)) {
            minimapPlaced = placing;
            placeMinimap(boxes.list(), visible);
        }
        Object state = List.of(cards, selectionVersion, visible);
        if (state.equals(minimapDrawn)) {
            return;
        }
        minimapDrawn = state;
        minimap.draw(boxes.all(), model.selectedNodes(), visible);
    }

    /**
     * Puts the minimap in the corner of the view where it hides the least of the cards shown (top right when that is
     * as good as any): over a graph zoomed in, the top right often held cards it covered. The bottom corners are above
     * the zoom bar's and the banner's band.
     */
    private void placeMinimap(Collection<Bounds> cards, Bounds visible) {
        Bounds viewport = scroll.getViewportBounds();
        double z = zoom.zoom();
        double w = Minimap.WIDTH / z;
        double h = Minimap.HEIGHT / z;
        double band = fitMargins().getBottom();
        // Corners in view pixels, each with the margins the minimap keeps there.
        List<Map.Entry<Pos, Insets>> corners = List.of(
                Map.entry(Pos.TOP_RIGHT, new Insets(10, 22, 0, 0)),
                Map.entry(Pos.BOTTOM_RIGHT, new Insets(0, 22, band, 0)),
                Map.entry(Pos.TOP_LEFT, new Insets(10, 0, 0, 16)),
                Map.entry(Pos.BOTTOM_LEFT, new Insets(0, 0, band, 16)));
        Map.Entry<Pos, Insets> best = corners.get(0);
        double least = Double.MAX_VALUE;
        for (Map.Entry<Pos, Insets> c : corners) {
            Insets m = c.getValue();
            boolean right = c.getKey().getHpos() == javafx.geometry.HPos.RIGHT;
            boolean bottom = c.getKey().getVpos() == javafx.geometry.VPos.BOTTOM;
            double x = right ? viewport.getWidth() - m.getRight() - Minimap.WIDTH : m.getLeft();
            double y = bottom ? viewport.getHeight() - m.getBottom() - Minimap.HEIGHT : m.getTop();
            Bounds over = new BoundingBox(visible.getMinX() + x / z, visible.getMinY() + y / z, w, h);
            double hidden = 0;
            for (Bounds b : cards) {
                double ix = Math.min(b.getMaxX(), over.getMaxX()) - Math.max(b.getMinX(), over.getMinX());
                double iy = Math.min(b.getMaxY(), over.getMaxY()) - Math.max(b.getMinY(), over.getMinY());
                if (ix > 0 && iy > 0) {
                    hidden += ix * iy;
                }
            }
            // A little better is not worth moving for: the minimap stays put unless another corner is clearly freer.
            if (hidden < least - 1 / (z * z) * 400) {
                least = hidden;
                best = c;
            }
        }
        // Only on a change: setting a constraint asks for another layout pass, and this runs after every one.
        if (StackPane.getAlignment(minimap) != best.getKey() || !best.getValue().equals(StackPane.getMargin(minimap))) {
            StackPane.setAlignment(minimap, best.getKey());
            StackPane.setMargin(minimap, best.getValue());
        }
    }

    /** Where the minimap is, for tests. */
    Pos minimapCorner() {
        return StackPane.getAlignment(minimap);
    }

    /**
     * Whether the minimap (an overview of the whole graph with the visible part framed) is shown when the graph does
     * not fit the view; on by default.
     */
    public javafx.beans.property.BooleanProperty minimapShownProperty() {
        return minimapShown;
    }

    /** Whether a dragged card's corner lands on the background grid; off by default. */
    public javafx.beans.property.BooleanProperty snapToGridProperty() {
        return snapToGrid;
    }

    /** Lines the selected cards up (see {@link EditorModel#alignSelection}), as one undo step. */
    public boolean align(EditorModel.Alignment how) {
        return model.alignSelection(how, cardShapes);
    }

    ConnectGesture connectGesture() {
        return connect;
    }

    Minimap minimap() {
        return minimap;
    }

    /** The part of the content the viewport shows, in content coordinates, or null before the canvas is on screen. */
    private Bounds visibleRegion() {
        Bounds viewport = scroll.getViewportBounds();
        if (getScene() == null || viewport.getWidth() <= 0 || viewport.getHeight() <= 0) {
            return null;
        }
        Bounds onScreen = scroll.localToScene(scroll.getLayoutBounds());
        return content.sceneToLocal(onScreen);
    }

    private static boolean contains(Bounds outer, Bounds inner) {
        return outer.getMinX() <= inner.getMinX() && outer.getMinY() <= inner.getMinY()
                && outer.getMaxX() >= inner.getMaxX() && outer.getMaxY() >= inner.getMaxY();
    }

    /** The visible region widened by a quarter of its size on every side, so scrolling a little needs no new cards. */
    private Bounds regionToShow() {
        Bounds visible = visibleRegion();
        if (visible == null) {
            return null;
        }
        double mx = visible.getWidth() / 4;
        double my = visible.getHeight() / 4;
        return new BoundingBox(visible.getMinX() - mx, visible.getMinY() - my, visible.getWidth() + 2 * mx,
                visible.getHeight() + 2 * my);
    }

    private void wheel(ScrollEvent e) {
        if (!e.isShortcutDown() || e.getDeltaY() == 0) {
            return;
        }
        // 10% per event, around the point under the mouse: platforms disagree on the delta's size
        // (a notch is 40 px on some, 1 on others), so only its direction counts.
        double factor = e.getDeltaY() > 0 ? 1.1 : 1 / 1.1;
        zoom.zoomAt(zoom.zoom() * factor, toCanvas(e.getSceneX(), e.getSceneY()));
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        if (matches(ZOOM_IN, e)) {
            zoomIn();
            e.consume();
        } else if (matches(ZOOM_OUT, e)) {
            zoomOut();
            e.consume();
        } else if (matches(ZOOM_RESET, e)) {
            setZoom(1);
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && selectedBlock() != null) {
            openBody(selectedBlock());
            e.consume();
        } else if (!model.isEditable()) {
            return;
        } else if (SELECT_ALL.match(e)) {
            model.selectAll();
            e.consume();
        } else if (COPY.match(e)) {
            model.copySelection();
            e.consume();
        } else if (CUT.match(e)) {
            if (model.copySelection()) {
                model.deleteSelection();
            }
            e.consume();
        } else if (PASTE.match(e)) {
            model.paste();
            e.consume();
        } else if (DUPLICATE.match(e)) {
            model.duplicateSelection();
            e.consume();
        } else if (LAYOUT.match(e)) {
            layOut();
            e.consume();
        } else if (UNGROUP.match(e)) {
            model.ungroupSelection();
            e.consume();
        } else if (GROUP.match(e)) {
            model.groupSelection();
            e.consume();
        } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            model.deleteSelection();
            e.consume();
        } else if (REDO.match(e) || REDO_Y.match(e)) {
            model.redo();
            e.consume();
        } else if (UNDO.match(e)) {
            model.undo();
            e.consume();
        }
    }

    /** The selected node when it is a composite block with a body (the only one selected), else null. */
    private Node selectedBlock() {
        String id = model.selectedNodeProperty().get();
        Node node = id == null || model.selectedNodes().size() > 1 ? null : model.graph().nodes().get(id);
        return node != null && CompositePorts.isComposite(node) && node.body() != null ? node : null;
    }

    private static boolean matches(List<KeyCombination> keys, KeyEvent e) {
        return keys.stream().anyMatch(k -> k.match(e));
    }

    private void dragOver(DragEvent e) {
        if (model.isEditable() && e.getDragboard().hasString() && LayerTransfer.decode(e.getDragboard().getString()).isPresent()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dragDropped(DragEvent e) {
        Optional<String> layer = e.getDragboard().hasString()
                ? LayerTransfer.decode(e.getDragboard().getString())
                : Optional.empty();
        boolean added = false;
        if (layer.isPresent() && model.isEditable()) {
            // The drop point becomes the middle of the card's header, where the hand holds it.
            Point2D p = toCanvas(e.getSceneX(), e.getSceneY());
            Optional<Edge> onto = edgeAt(p);
            added = onto.isPresent()
                    // Dropped onto a connection: the layer goes into it.
                    ? model.spliceLayer(layer.get(), onto.get(), Math.round(p.getX() - NodeGeometry.WIDTH / 2),
                            Math.round(p.getY() - 16)).isPresent()
                    : model.addLayer(layer.get(), Math.round(p.getX() - NodeGeometry.WIDTH / 2),
                            Math.round(p.getY() - 16)).isPresent();
            requestFocus();
        }
        e.setDropCompleted(added);
        e.consume();
    }

    /**
     * Draws the model's graph. Cards and edges that did not change are kept (an edit of a large graph rebuilds only
     * what it touched: the graph keeps unchanged nodes as the same instances and incremental inference their reports).
     */
    private void redraw() {
        Graph graph = model.graph();
        GraphShapes shapes = model.shapes();
        Map<String, NodeView> before = new HashMap<>(nodeViews);
        Map<Edge, EdgeView> edgesBefore = new HashMap<>(edgeViews);
        nodeViews.clear();
        edgeViews.clear();
        placed.keySet().retainAll(graph.nodes().keySet());
        // An edit keeps the region drawn while it still covers the view, so cards at its edge do not come and go.
        Bounds visible = visibleRegion();
        boolean brief = zoom.zoom() < NodeView.BRIEF_BELOW;
        // Zoomed in from brief cards the region drawn at Fit (all of it) would now be drawn as full cards.
        boolean keep = shownRegion != null && visible != null && contains(shownRegion, visible) && brief == drawnBrief;
        Bounds region;
        if (widenNow) {
            region = regionToShow();
        } else if (keep) {
            region = shownRegion;
        } else {
            // A new region: the cards in view first, so the frame that shows them does not wait for those around it,
            // which follow once it is laid out (see fitIfPending).
            region = visible;
            widenPending = visible != null;
        }
        widenNow = false;
        shownRegion = region;
        drawnBrief = brief;
        List<NodeView> nodes = new ArrayList<>();
        for (Node node : graph.nodes().values()) {
            // Before the canvas is on screen nothing is drawn: the first layout pass tells what is visible.
            if (region == null || !placedBounds(node).intersects(region)) {
                continue;
            }
            LayerSpec spec = catalog.find(node.type()).orElse(null);
            NodeReport report = shapes.report(node.id());
            NodeStatus status = NodeStatus.of(graph, node, spec, report);
            List<String> ins = NodePorts.inputs(node, spec);
            List<String> outs = NodePorts.outputs(node, spec);
            NodeView kept = before.get(node.id());
            NodeView view;
            if (brief) {
                double height = placedBounds(node).getHeight();
                view = kept != null && kept.showsBrief(node, status, ins, outs, height) ? kept
                        : newNodeView(NodeView.brief(node, spec, report, status, ins, outs, height), node);
                view.fitTitleTo(zoom.zoom());
            } else {
                Map<String, Shape> arriving = arrivingShapes(graph, shapes, node.id());
                view = kept != null && kept.shows(node, report, status, ins, outs, arriving, metric.get()) ? kept
                        : newNodeView(new NodeView(node, spec, report, status, ins, outs, arriving, metric.get()), node);
                view.fitTitleTo(zoom.zoom());
            }
            // Warnings change with the run, not with the node: set on kept cards too.
            view.setRunWarning(model.runWarningOf(node.id()));
            nodeViews.put(node.id(), view);
            nodes.add(view);
        }
        List<EdgeView> edges = new ArrayList<>();
        for (Edge edge : graph.edges()) {
            if (region == null || !mayCross(edge, graph, region)) {
                continue;
            }
            EdgeView view = edgesBefore.get(edge);
            if (view == null) {
                view = newEdgeView(edge);
            }
            view.setZoom(zoom.zoom());
            edgeViews.put(edge, view);
            edges.add(view);
        }
        boxes.sync(graph);
        // A card drawn, taken out or drawn anew has its bounds from its view now, or from its shape again.
        before.forEach((id, v) -> {
            if (nodeViews.get(id) != v) {
                boxes.stale(id);
            }
        });
        nodeViews.forEach((id, v) -> {
            if (before.get(id) != v) {
                boxes.stale(id);
            }
        });
        replaceChildren(nodeLayer, nodes);
        replaceChildren(edgeLayer, edges);
        layoutEdges();
        showSelection();
        sizeContent();
        hint.setVisible(graph.isEmpty());
    }

    /**
     * Makes {@code views} the layer's children by removing the gone ones and adding the new ones: putting all back
     * (setAll) would take every card out of the scene and in again, which re-applies CSS to all of them.
     */
    private static void replaceChildren(Group layer, List<? extends javafx.scene.Node> views) {
        java.util.Set<javafx.scene.Node> wanted = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        wanted.addAll(views);
        java.util.Set<javafx.scene.Node> present = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        present.addAll(layer.getChildren());
        List<javafx.scene.Node> gone = new ArrayList<>();
        for (javafx.scene.Node n : layer.getChildren()) {
            if (!wanted.contains(n)) {
                gone.add(n);
            }
        }
        if (!gone.isEmpty()) {
            java.util.Set<javafx.scene.Node> goneSet = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            goneSet.addAll(gone);
            // One change for all of them (removeIf takes them out one by one).
            layer.getChildren().removeAll(goneSet);
        }
        List<javafx.scene.Node> added = new ArrayList<>();
        for (javafx.scene.Node n : views) {
            if (!present.contains(n)) {
                added.add(n);
            }
        }
        layer.getChildren().addAll(added);
    }

    /** True when an edge's route can pass through {@code region}: its ends' box, widened for detours, meets it. */
    private boolean mayCross(Edge edge, Graph graph, Bounds region) {
        Bounds a = placedBounds(graph.require(edge.from().nodeId()));
        Bounds b = placedBounds(graph.require(edge.to().nodeId()));
        double minX = Math.min(a.getMinX(), b.getMinX());
        double minY = Math.min(a.getMinY(), b.getMinY()) - 100;
        double maxX = Math.max(a.getMaxX(), b.getMaxX());
        double maxY = Math.max(a.getMaxY(), b.getMaxY()) + 100;
        return new BoundingBox(minX, minY, maxX - minX, maxY - minY).intersects(region);
    }

    /** Wires a new card's gestures (moving, connecting, opening a block). */
    private NodeView newNodeView(NodeView view, Node node) {
        cardsCreated++;
        // Dragged (moved by a translation until dropped) or laid out to another height: its bounds change.
        javafx.beans.value.ChangeListener<Number> changed = (o, was, now) -> boxes.stale(node.id());
        view.translateXProperty().addListener(changed);
        view.translateYProperty().addListener(changed);
        view.card().heightProperty().addListener(changed);
        if (model.isEditable()) {
            move.install(view);
            connect.install(view);
        }
        if (CompositePorts.isComposite(node) && node.body() != null) {
            view.card().addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                    openBody(node);
                    e.consume();
                }
            });
        }
        return view;
    }

    private EdgeView newEdgeView(Edge edge) {
        EdgeView view = new EdgeView(edge);
        if (model.isEditable()) {
            view.hitBand().addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
                requestFocus();
                model.selectedEdgeProperty().set(edge);
                e.consume();
            });
        }
        return view;
    }

    /**
     * Where double-click, Enter and "Look inside" on a block go: the app's {@link LevelsView} opens the block for
     * editing in place. Without one (null, the default) a read-only window shows the block's inside.
     */
    public void setOnOpenBlock(java.util.function.Consumer<Node> opener) {
        blockOpener = opener;
    }

    /**
     * Opens a composite: through the opener when one is set (then null is returned), else a read-only window on the
     * layers inside it (which may hold composites in turn).
     */
    Stage openBody(Node composite) {
        if (blockOpener != null) {
            blockOpener.accept(composite);
            return null;
        }
        BodyShapes context = bodyShapes != null ? bodyShapes : BodyShapes.of(model.graph());
        String at = path.isEmpty() ? composite.id() : path + CompositeFlattening.SEPARATOR + composite.id();
        GraphShapes inside = context.inside(at, composite, arrivingShapes(model.graph(), model.shapes(), composite.id()));
        GraphCanvas body = new GraphCanvas(EditorModel.readOnly(CompositeBodyWindow.forViewing(composite.body()), inside),
                at, context);
        return CompositeBodyWindow.show(getScene().getWindow(), at, composite, model.shapes().report(composite.id()), body);
    }

    private static Map<String, Shape> arrivingShapes(Graph graph, GraphShapes shapes, String nodeId) {
        Map<String, Shape> out = new HashMap<>();
        for (Edge e : graph.incomingEdges(nodeId)) {
            NodeReport upstream = shapes.report(e.from().nodeId());
            if (upstream != null && upstream.outputs().containsKey(e.from().port())) {
                out.put(e.to().port(), upstream.outputs().get(e.from().port()));
            }
        }
        return out;
    }

    /** Routes every edge again between its ports and around the cards, e.g. while a card is being dragged. */
    void layoutEdges() {
        Graph graph = model.graph();
        EdgeRoute.Cards cards = boxes.forRouting();
        for (EdgeView view : edgeViews.values()) {
            Optional<Point2D> a = portEnd(graph, view.edge().from(), false);
            Optional<Point2D> b = portEnd(graph, view.edge().to(), true);
            view.setBroken(a.isEmpty() || b.isEmpty());
            NodeView from = nodeViews.get(view.edge().from().nodeId());
            NodeView to = nodeViews.get(view.edge().to().nodeId());
            Point2D start = a.orElseGet(() -> from != null ? from.orphanOutPoint()
                    : new Point2D(placedBounds(graph.require(view.edge().from().nodeId())).getMaxX(),
                            placedBounds(graph.require(view.edge().from().nodeId())).getMinY()));
            Point2D end = b.orElseGet(() -> to != null ? to.orphanInPoint()
                    : new Point2D(placedBounds(graph.require(view.edge().to().nodeId())).getMinX(),
                            placedBounds(graph.require(view.edge().to().nodeId())).getMinY()));
            view.setEnds(start, end, cards);
        }
    }

    /** A port's centre: from its card when the node has one, else from the node's card shape. */
    private Optional<Point2D> portEnd(Graph graph, PortRef ref, boolean input) {
        NodeView v = nodeViews.get(ref.nodeId());
        if (v != null) {
            return input ? v.inPortCenter(ref.port()) : v.outPortCenter(ref.port());
        }
        Node node = graph.require(ref.nodeId());
        org.netwright.editor.layout.CardShape shape = cardShapes.apply(node);
        for (org.netwright.editor.layout.CardShape.PortAt port : input ? shape.inputs() : shape.outputs()) {
            if (port.name().equals(ref.port())) {
                return Optional.of(new Point2D(node.x() + (input ? 0 : NodeGeometry.WIDTH), node.y() + port.y()));
            }
        }
        return Optional.empty();
    }

    private void showSelection() {
        Edge edge = model.selectedEdgeProperty().get();
        nodeViews.forEach((id, view) -> view.setSelected(model.selectedNodes().contains(id)));
        edgeViews.forEach((e, view) -> view.setSelected(e.equals(edge)));
    }

    private void sizeContent() {
        double w = 0;
        double h = 0;
        for (Node node : model.graph().nodes().values()) {
            w = Math.max(w, node.x() + NodeGeometry.WIDTH);
            h = Math.max(h, node.y() + 200);
        }
        Bounds viewport = scroll.getViewportBounds();
        double z = zoom.zoom();
        double width = Math.max(w + MARGIN, viewport.getWidth() / z);
        double height = Math.max(h + MARGIN, viewport.getHeight() / z);
        // The preferred size too: left to compute, it would measure every card (see ScaledContent).
        content.setMinSize(width, height);
        content.setPrefSize(width, height);
    }

    /** The edge whose line passes within a few screen pixels of a canvas point, if any (not on a card). */
    Optional<Edge> edgeAt(Point2D p) {
        if (nodeViews.values().stream().anyMatch(v -> v.cardContains(p))) {
            return Optional.empty();
        }
        double reach = 8 / Math.min(1, zoom.zoom());
        for (EdgeView v : edgeViews.values()) {
            if (v.distanceTo(p) <= reach) {
                return Optional.of(v.edge());
            }
        }
        return Optional.empty();
    }

    NodeView nodeView(String id) {
        return nodeViews.get(id);
    }

    Collection<NodeView> nodeViews() {
        return nodeViews.values();
    }

    /**
     * How large the title of {@code nodeId}'s card shows on screen, in pixels (its font size times the zoom), or empty
     * when the card is not drawn; the measure the readability tests use.
     */
    public java.util.OptionalDouble titleSizeOnScreen(String nodeId) {
        NodeView v = nodeViews.get(nodeId);
        if (v == null) {
            return java.util.OptionalDouble.empty();
        }
        return java.util.OptionalDouble.of(v.titleFont().getSize() * zoom.zoom());
    }

    /** The title as its card shows it (shortened with an ellipsis when it does not fit), or empty when not drawn. */
    public Optional<String> titleShown(String nodeId) {
        NodeView v = nodeViews.get(nodeId);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(v.titleShown());
    }

    /**
     * The card drawn for a node, or empty when it is not drawn. A full card can be found by its id too
     * ({@code #node-ID}); a brief one (zoomed out below 50 %) has none, so that hundreds of them share one style.
     */
    public Optional<javafx.scene.layout.Region> card(String nodeId) {
        return Optional.ofNullable(nodeViews.get(nodeId)).map(NodeView::card);
    }

    /** How many cards are in the scene now (the others are placed from their shapes without being drawn). */
    public int shownCardCount() {
        return nodeViews.size();
    }

    /** How many cards this canvas has created since it was made. */
    int cardsCreated() {
        return cardsCreated;
    }

    /** Scrolls so that {@code nodeId}'s card is in the middle of the view (used by the summary and the minimap). */
    public void reveal(String nodeId) {
        Node node = model.graph().nodes().get(nodeId);
        if (node == null) {
            return;
        }
        Bounds b = placedBounds(node);
        centerOn(b.getCenterX(), b.getCenterY());
    }

    /** Scrolls so that the content point ({@code x}, {@code y}) is in the middle of the view. */
    public void centerOn(double x, double y) {
        Bounds viewport = scroll.getViewportBounds();
        Bounds all = scroll.getContent().getLayoutBounds();
        double z = zoom.zoom();
        double rangeX = all.getWidth() - viewport.getWidth();
        double rangeY = all.getHeight() - viewport.getHeight();
        fittedViewport = null;
        scroll.setHvalue(rangeX <= 0 ? 0 : clamp01((x * z - viewport.getWidth() / 2) / rangeX));
        scroll.setVvalue(rangeY <= 0 ? 0 : clamp01((y * z - viewport.getHeight() / 2) / rangeY));
        requestLayout();
    }

    /** Converts a scene point to content (model) coordinates, whatever the zoom and scroll position. */
    Point2D toCanvas(double sceneX, double sceneY) {
        return content.sceneToLocal(sceneX, sceneY);
    }

    /**
     * The input port under a canvas point: near its circle, or the nearest input of the card the
     * point is on, ignoring the card of {@code sourceNode} (a press on an output port lies on it).
     */
    Optional<PortRef> inputPortAt(Point2D p, String sourceNode) {
        return portAt(p, sourceNode, true);
    }

    Circle inPortCircle(PortRef ref) {
        return nodeViews.get(ref.nodeId()).inPorts().get(ref.port());
    }

    /**
     * The output port under a canvas point, for a wire dragged from an input: near its circle, or the nearest output of
     * the card the point is on, ignoring the card of {@code targetNode} (the one the wire starts from).
     */
    Optional<PortRef> outputPortAt(Point2D p, String targetNode) {
        return portAt(p, targetNode, false);
    }

    /**
     * The input ({@code inputs}) or output port under a canvas point: near its circle, or the nearest one by height on
     * the card the point is on, that card not being {@code startCard}'s. An output's circle on the start card does
     * not count either; an input's does (the wire refuses a loop, with the reason).
     */
    private Optional<PortRef> portAt(Point2D p, String startCard, boolean inputs) {
        // The hit radius is meant in screen pixels, so a zoomed-out port is not harder to hit.
        double hit = NodeGeometry.PORT_HIT / Math.min(1, zoom.zoom());
        for (NodeView v : nodeViews.values()) {
            if (!inputs && v.node().id().equals(startCard)) {
                continue;
            }
            for (String port : (inputs ? v.inPorts() : v.outPorts()).keySet()) {
                if (portCenter(v, port, inputs).distance(p) <= hit) {
                    return Optional.of(new PortRef(v.node().id(), port));
                }
            }
        }
        for (NodeView v : nodeViews.values()) {
            Map<String, Circle> ports = inputs ? v.inPorts() : v.outPorts();
            if (v.cardContains(p) && !ports.isEmpty() && !v.node().id().equals(startCard)) {
                String nearest = null;
                double best = Double.MAX_VALUE;
                for (String port : ports.keySet()) {
                    double d = Math.abs(portCenter(v, port, inputs).getY() - p.getY());
                    if (d < best) {
                        best = d;
                        nearest = port;
                    }
                }
                return Optional.of(new PortRef(v.node().id(), nearest));
            }
        }
        return Optional.empty();
    }

    private static Point2D portCenter(NodeView v, String port, boolean input) {
        return (input ? v.inPortCenter(port) : v.outPortCenter(port)).orElseThrow();
    }

    Circle outPortCircle(PortRef ref) {
        return nodeViews.get(ref.nodeId()).outPorts().get(ref.port());
    }
}
