package org.netwright.editor.canvas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.netwright.editor.EditorStyles;
import org.netwright.editor.Formats;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.NodeReport;
import org.netwright.model.shape.Shape;

/**
 * One node drawn as a card with its input ports on the left edge and output ports on the right. Zoomed out, a card
 * is drawn {@linkplain #brief brief}: its frame and title only, the title at a size readable on screen.
 */
final class NodeView extends Pane {
    /**
     * Below this zoom a card is drawn brief. At 50 % and above cards stay whole (ports can still be wired there),
     * their title enlarged below 70 % so that it stays 9 px on screen.
     */
    static final double BRIEF_BELOW = 0.5;
    /** The smallest size, in screen pixels, a brief card's title is drawn at. */
    static final double TITLE_MIN_SCREEN_PX = 9;
    /** A full card's title size (editor.css, {@code .layer-node-title}). */
    static final double TITLE_PX = 13;
    private final Node node;
    private final VBox card = new VBox();
    private final Label runNote = note("", "layer-node-run-warning");
    private final Map<String, Circle> inPorts = new LinkedHashMap<>();
    private final Map<String, Circle> outPorts = new LinkedHashMap<>();
    private final boolean many;
    /** What the card was drawn from, so that a redraw can keep a card whose inputs did not change. */
    private final List<Object> drawnFrom;
    /** True for a card drawn brief: frame and title, no ports, shape or figures (see {@link #brief}). */
    private final boolean brief;
    private final Label title;
    private final javafx.scene.text.Text briefTitle = new javafx.scene.text.Text();

    /**
     * @param spec    the node's catalog entry, or null for an unknown type (drawn as an error)
     * @param status  how the card should look (fine, waiting for an input, greyed, red)
     * @param inputs  the shapes arriving at each input port (missing when not connected or unknown)
     * @param metric  what the line under the shape counts
     */
    NodeView(Node node, LayerSpec spec, NodeReport report, NodeStatus status, List<String> inputNames,
             List<String> outputNames, Map<String, Shape> inputs, CardMetric metric) {
        this(node, spec, report, status, inputNames, outputNames, inputs, metric, false, 0);
    }

    /**
     * A card drawn for a zoomed-out view: a frame of the card's full size (so edges and the layout stay where they
     * are) with the family's strip and the title only; status colours stay, messages, ports, shapes and figures are
     * left out. Such a card costs a fraction of a full one, so a Fit of hundreds of cards shows at once.
     *
     * @param height the full card's height ({@link CardShapes})
     */
    static NodeView brief(Node node, LayerSpec spec, NodeReport report, NodeStatus status, List<String> inputNames,
                          List<String> outputNames, double height) {
        return new NodeView(node, spec, report, status, inputNames, outputNames, Map.of(), CardMetric.PARAMS, true,
                height);
    }

    private NodeView(Node node, LayerSpec spec, NodeReport report, NodeStatus status, List<String> inputNames,
                     List<String> outputNames, Map<String, Shape> inputs, CardMetric metric, boolean brief,
                     double briefHeight) {
        this.node = node;
        this.brief = brief;
        this.drawnFrom = brief ? java.util.Arrays.asList(status, inputNames, outputNames, briefHeight)
                : java.util.Arrays.asList(report, status, inputNames, outputNames, inputs, metric);
        setPickOnBounds(false);
        getStyleClass().add("layer-node-view");
        relocate(node.x(), node.y());

        boolean composite = CompositePorts.isComposite(node);
        many = NodeGeometry.manyPorts(inputNames.size(), outputNames.size());
        if (!brief) {
            // Not on a brief card: JavaFX caches styles by id among other things, so an id of its own per card made
            // each of the hundreds of brief cards at Fit be styled from scratch (three times the CSS time of cards
            // that share one style). A full card keeps it (a few dozen are drawn at most); the canvas keeps every
            // card by its node id.
            card.setId("node-" + node.id());
        }
        card.getStyleClass().add("layer-node");
        card.setPrefWidth(NodeGeometry.WIDTH);
        card.setMinWidth(NodeGeometry.WIDTH);
        card.setMaxWidth(NodeGeometry.WIDTH);

        // Sizes that decide where ports sit are set here, not in CSS, to stay in step with NodeGeometry.
        Region strip = new Region();
        strip.getStyleClass().add("layer-node-strip");
        strip.setMinHeight(NodeGeometry.STRIP);
        strip.setPrefHeight(NodeGeometry.STRIP);
        strip.setMaxHeight(NodeGeometry.STRIP);
        if (spec != null) {
            strip.getStyleClass().add(EditorStyles.familyClass(spec.family()));
            card.getStyleClass().add(EditorStyles.familyClass(spec.family()));
        }
        VBox body = new VBox();
        body.getStyleClass().add("layer-node-body");
        body.setPadding(new Insets(NodeGeometry.BODY_TOP, 12, 8, 12));
        VBox.setVgrow(body, Priority.ALWAYS);

        // Name and id on separate lines: ids such as vector_input_12 do not fit beside a name.
        VBox header = new VBox(1);
        title = new Label(composite ? String.valueOf(node.params().getOrDefault("name", node.id()))
                : CompositePorts.isPlaceholder(node) ? portTitle(node)
                : spec == null ? node.type() : spec.name());
        if (brief) {
            drawBrief(status, composite, inputNames, outputNames, strip, briefHeight);
            return;
        }
        title.getStyleClass().add("layer-node-title");
        Label id = new Label(node.id());
        id.getStyleClass().add("layer-node-id");
        header.getChildren().addAll(title, id);
        if (CompositePorts.isPlaceholder(node)) {
            card.getStyleClass().add("layer-node-port");
        }
        if (composite) {
            card.getStyleClass().add("layer-node-composite");
            Label inside = new Label("▸ " + layerCount(node) + (layerCount(node) == 1 ? " layer" : " layers"));
            inside.getStyleClass().add("layer-node-inside");
            header.getChildren().add(inside);
        }

        boolean ok = report != null && report.isOk();
        // A card without outputs (a block's exit inside its body) shows what arrives instead.
        String shapeText = outputNames.isEmpty() && !inputs.isEmpty()
                ? Formats.outputs(inputNames, inputs)
                : Formats.outputs(outputNames, report == null ? Map.of() : report.outputs());
        Label shape = new Label(ok ? shapeText : "shape: ?");
        shape.getStyleClass().add("layer-node-shape");
        header.getChildren().add(shape);
        // A block's entry and exit cards cost nothing by definition; a "0 params" line would be noise.
        if (ok && !CompositePorts.isPlaceholder(node)) {
            Label cost = new Label(metric.text(report));
            cost.getStyleClass().addAll("layer-node-metric", metric.styleClass());
            header.getChildren().add(cost);
        }
        body.getChildren().add(header);
        if (many) {
            double height = NodeGeometry.headerHeight(composite);
            header.setMinHeight(height);
            header.setPrefHeight(height);
            header.setMaxHeight(height);
            body.getChildren().add(portRows(inputNames, outputNames));
        }
        installTooltip(card, ((spec == null ? node.type() : spec.name()) + " (" + node.id() + ")"
                + (composite ? "\nDouble-click (or Enter) opens it; Ctrl+Shift+G ungroups it." : "")
                + (status.text().isEmpty() ? "" : "\n" + status.text())));

        switch (status.kind()) {
            case ERROR -> {
                card.getStyleClass().add("layer-node-error");
                body.getChildren().add(note(status.text(), "layer-node-problem"));
            }
            case NEEDS_INPUT -> {
                card.getStyleClass().add("layer-node-unconnected");
                body.getChildren().add(note(status.text(), "layer-node-hint"));
            }
            case BLOCKED -> {
                card.getStyleClass().add("layer-node-blocked");
                body.getChildren().add(note(Diagnostics.forCard(node.id(), spec, status.text()), "layer-node-waiting"));
            }
            case OK -> {
            }
        }
        runNote.setVisible(false);
        runNote.setManaged(false);
        body.getChildren().add(runNote);
        card.getChildren().addAll(strip, body);
        getChildren().add(card);

        for (int i = 0; i < inputNames.size(); i++) {
            String port = inputNames.get(i);
            Shape arriving = inputs.get(port);
            Circle c = port(port, "port-in", 0, NodeGeometry.portY(i, many, composite),
                    "Input '" + port + "'" + (arriving == null ? " (not connected)" : ": " + arriving));
            inPorts.put(port, c);
        }
        for (int i = 0; i < outputNames.size(); i++) {
            String port = outputNames.get(i);
            Shape leaving = ok ? report.outputs().get(port) : null;
            Circle c = port(port, "port-out", NodeGeometry.WIDTH, NodeGeometry.portY(i, many, composite),
                    "Output '" + port + "'" + (leaving == null ? "" : ": " + leaving)
                            + " — drag to an input to connect");
            outPorts.put(port, c);
        }
    }

    /** "Block input ‘in’": a placeholder's card names the block's port it stands for. */
    static String portTitle(Node placeholder) {
        return (CompositePorts.INPUT.equals(placeholder.type()) ? "Block input ‘" : "Block output ‘")
                + CompositePorts.portOf(placeholder) + "’";
    }

    /**
     * The brief card: strip and title (a plain text, cheaper than a label) in a frame of the full card's size. Port
     * circles are made (edges and drops find their places from them) but not put in the scene, so the card has no
     * ports to press.
     */
    private void drawBrief(NodeStatus status, boolean composite, List<String> inputNames, List<String> outputNames,
                           Region strip, double height) {
        card.getStyleClass().add("layer-node-brief");
        card.setMinHeight(height);
        card.setPrefHeight(height);
        card.setMaxHeight(height);
        briefTitle.getStyleClass().add("layer-node-brief-title");
        briefTitle.setTextOrigin(javafx.geometry.VPos.TOP);
        VBox.setMargin(briefTitle, new Insets(3, 8, 0, 8));
        if (composite) {
            card.getStyleClass().add("layer-node-composite");
        }
        switch (status.kind()) {
            case ERROR -> card.getStyleClass().add("layer-node-error");
            case NEEDS_INPUT -> card.getStyleClass().add("layer-node-unconnected");
            case BLOCKED -> card.getStyleClass().add("layer-node-blocked");
            case OK -> {
            }
        }
        card.getChildren().addAll(strip, briefTitle);
        getChildren().add(card);
        installTooltip(card, title.getText() + " (" + node.id() + ")"
                + (status.text().isEmpty() ? "" : "\n" + status.text()) + "\nZoom in to see its shape and ports.");
        for (int i = 0; i < inputNames.size(); i++) {
            inPorts.put(inputNames.get(i), new Circle(0, NodeGeometry.portY(i, many, composite), NodeGeometry.PORT_RADIUS));
        }
        for (int i = 0; i < outputNames.size(); i++) {
            outPorts.put(outputNames.get(i), new Circle(NodeGeometry.WIDTH, NodeGeometry.portY(i, many, composite),
                    NodeGeometry.PORT_RADIUS));
        }
    }

    /** True when this card is drawn brief (frame and title only). */
    boolean isBrief() {
        return brief;
    }

    /**
     * Sizes a brief card's title for {@code zoom} so that it shows at {@link #TITLE_MIN_SCREEN_PX} or more on screen,
     * in as many lines as the card holds (a word too long for a line is shortened with an ellipsis); a full card's
     * title is enlarged only as far as that needs (it stays one line, shortened with an ellipsis when too long).
     */
    void fitTitleTo(double zoom) {
        if (!brief) {
            // A full card's title keeps its stylesheet size until that would show under 9 px.
            double px = Math.ceil(TITLE_MIN_SCREEN_PX / zoom * 2) / 2;
            String style = px > TITLE_PX ? String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", px) : "";
            if (!style.equals(title.getStyle())) {
                title.setStyle(style);
            }
            return;
        }
        // Half-pixel steps: a wheel zoom then sets the titles again only when their size really changes.
        double px = Math.ceil(Math.max(TITLE_PX, TITLE_MIN_SCREEN_PX / zoom) * 2) / 2;
        if (briefTitle.getFont() != null && briefTitle.getFont().getSize() == px && !briefTitle.getText().isEmpty()) {
            return;
        }
        javafx.scene.text.Font font = javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                javafx.scene.text.FontWeight.BOLD, px);
        briefTitle.setFont(font);
        double lineHeight = px * 1.25;
        int lines = (int) Math.max(1, Math.floor((card.getPrefHeight() - NodeGeometry.STRIP - 8) / lineHeight));
        briefTitle.setText(TitleLines.wrap(title.getText(), font, NodeGeometry.WIDTH - 16, lines));
    }

    /** The title label of a full card, or a brief card's title text, for the canvas's measure of how large it shows. */
    javafx.scene.text.Font titleFont() {
        return brief ? briefTitle.getFont() : title.getFont();
    }

    /** The title as the card shows it (a brief card's may be wrapped and shortened). */
    String titleShown() {
        if (brief) {
            return briefTitle.getText();
        }
        title.applyCss();
        title.layout();
        return title.lookupAll(".text").stream().filter(n -> n instanceof javafx.scene.text.Text)
                .map(n -> ((javafx.scene.text.Text) n).getText()).findFirst().orElse(title.getText());
    }

    /** The layers inside a composite, not counting the placeholders that stand for its ports. */
    static long layerCount(Node composite) {
        return composite.body() == null ? 0
                : composite.body().nodes().values().stream().filter(n -> !CompositePorts.isPlaceholder(n)).count();
    }

    /** One row per port, named, level with the port circles on the card's edges. */
    private static VBox portRows(List<String> inputNames, List<String> outputNames) {
        VBox rows = new VBox();
        for (int i = 0; i < Math.max(inputNames.size(), outputNames.size()); i++) {
            Label in = portLabel(i < inputNames.size() ? inputNames.get(i) : "");
            Label out = portLabel(i < outputNames.size() ? outputNames.get(i) : "");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox row = new HBox(in, gap, out);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setMinHeight(NodeGeometry.PORT_GAP);
            row.setPrefHeight(NodeGeometry.PORT_GAP);
            row.setMaxHeight(NodeGeometry.PORT_GAP);
            rows.getChildren().add(row);
        }
        return rows;
    }

    private static Label portLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("layer-node-port-label");
        return l;
    }

    /**
     * Marks the card with what the last run said about this layer (a health warning, or that a NaN began here), or
     * clears the mark for null or empty text.
     */
    void setRunWarning(String text) {
        boolean on = text != null && !text.isEmpty();
        runNote.setText(on ? "\u26a0 " + text : "");
        runNote.setVisible(on);
        runNote.setManaged(on);
        if (brief) {
            // A brief card shows the run's word too, under its title (only warned cards carry the label).
            card.getChildren().remove(runNote);
            if (on) {
                VBox.setMargin(runNote, new Insets(2, 8, 0, 8));
                card.getChildren().add(runNote);
            }
        }
        card.getStyleClass().remove("layer-node-warned");
        if (on) {
            card.getStyleClass().add("layer-node-warned");
        }
    }

    /** The run's warning shown on the card, "" when none. */
    String runWarning() {
        return runNote.getText();
    }

    private static Label note(String text, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        l.setMaxWidth(NodeGeometry.WIDTH - 24);
        return l;
    }

    private Circle port(String name, String styleClass, double x, double y, String help) {
        Circle c = new Circle(x, y, NodeGeometry.PORT_RADIUS);
        c.setId("port-" + node.id() + "-" + name);
        c.getStyleClass().addAll("port", styleClass);
        installTooltip(c, help);
        getChildren().add(c);
        return c;
    }

    /**
     * Gives {@code target} its tooltip when the pointer first enters it: a tooltip is a popup window with a scene of
     * its own, too costly to make for every card and port drawn when most are never hovered.
     */
    private static void installTooltip(javafx.scene.Node target, String text) {
        javafx.event.EventHandler<javafx.scene.input.MouseEvent> first = new javafx.event.EventHandler<>() {
            @Override
            public void handle(javafx.scene.input.MouseEvent e) {
                target.removeEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, this);
                Tooltip.install(target, tooltip(text));
            }
        };
        target.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, first);
    }

    private static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(360);
        t.setShowDelay(Duration.millis(300));
        return t;
    }

    Node node() {
        return node;
    }

    /**
     * True when this card already shows {@code node} (the same instance: the graph keeps unchanged nodes) with these
     * facts, so a redraw after an edit elsewhere can keep it instead of building it again.
     */
    boolean shows(Node other, NodeReport report, NodeStatus status, List<String> inputNames, List<String> outputNames,
                  Map<String, Shape> inputs, CardMetric metric) {
        return other == node && !brief && drawnFrom.equals(java.util.Arrays.asList(report, status, inputNames,
                outputNames, inputs, metric)) && getTranslateX() == 0 && getTranslateY() == 0;
    }

    /** Like {@link #shows} for a brief card, which shows fewer facts. */
    boolean showsBrief(Node other, NodeStatus status, List<String> inputNames, List<String> outputNames, double height) {
        return other == node && brief && drawnFrom.equals(java.util.Arrays.asList(status, inputNames, outputNames, height))
                && getTranslateX() == 0 && getTranslateY() == 0;
    }

    VBox card() {
        return card;
    }

    Map<String, Circle> inPorts() {
        return inPorts;
    }

    Map<String, Circle> outPorts() {
        return outPorts;
    }

    /** Where an input port's centre is on the canvas, counting a drag in progress. */
    Optional<Point2D> inPortCenter(String port) {
        return Optional.ofNullable(inPorts.get(port)).map(this::center);
    }

    Optional<Point2D> outPortCenter(String port) {
        return Optional.ofNullable(outPorts.get(port)).map(this::center);
    }

    /** A stand-in end for an edge whose port no longer exists (e.g. Add went from 3 inputs to 2). */
    Point2D orphanInPoint() {
        return new Point2D(left(), top() + NodeGeometry.portY(inPorts.size(), true, CompositePorts.isComposite(node)));
    }

    Point2D orphanOutPoint() {
        return new Point2D(left() + NodeGeometry.WIDTH,
                top() + NodeGeometry.portY(outPorts.size(), true, CompositePorts.isComposite(node)));
    }

    /** True when a canvas point lies on the card. */
    boolean cardContains(Point2D p) {
        double h = Math.max(card.getHeight(), card.prefHeight(NodeGeometry.WIDTH));
        return p.getX() >= left() && p.getX() <= left() + NodeGeometry.WIDTH
                && p.getY() >= top() && p.getY() <= top() + h;
    }

    /** The card's bounds on the canvas, counting a drag in progress. */
    javafx.geometry.Bounds cardBounds() {
        // Once laid out the card knows its height; asking for the preferred one each time costs a layout pass.
        double h = card.getHeight() > 0 ? card.getHeight() : card.prefHeight(NodeGeometry.WIDTH);
        return new javafx.geometry.BoundingBox(left(), top(), NodeGeometry.WIDTH, h);
    }

    private Point2D center(Circle c) {
        return new Point2D(left() + c.getCenterX(), top() + c.getCenterY());
    }

    private double left() {
        return node.x() + getTranslateX();
    }

    private double top() {
        return node.y() + getTranslateY();
    }

    void setSelected(boolean selected) {
        card.getStyleClass().remove("layer-node-selected");
        if (selected) {
            card.getStyleClass().add("layer-node-selected");
        }
    }
}
