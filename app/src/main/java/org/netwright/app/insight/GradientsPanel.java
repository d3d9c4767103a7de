package org.netwright.app.insight;

import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The gradient-norm heat map: layers down, epochs across, colour the log10 of the layer's gradient norm (dark: small,
 * yellow: large). Cells where the health rules found vanishing (▼, cyan frame) or exploding (▲, red frame) gradients
 * are marked, and those layers' names are drawn in red with the word, so a failing layer is found at a glance. The
 * insight window reads a stored run's norms on request; the training panel shows a live run's as its epochs arrive
 * ({@link #live}).
 */
public final class GradientsPanel extends VBox {
    private static final double TOP = 22;
    private static final Color VANISHING = Color.web("#00b8d4");
    private static final Color EXPLODING = Color.web("#d50000");
    /** Viridis at five stops: the scale runs dark blue-purple (small norms) to yellow (large). */
    private static final Color[] SCALE = {Color.web("#440154"), Color.web("#3b528b"), Color.web("#21918c"),
            Color.web("#5ec962"), Color.web("#fde725")};
    private final Canvas canvas = new Canvas(10, 10);
    private final Label caption = new Label();
    private final ScrollPane scroll;
    private final double row;
    private final String emptyText;
    private GradientHeatMap shown;
    /** Kept here: the theme holds its listeners weakly, so a closed window's panel can go. */
    private final javafx.beans.value.ChangeListener<Boolean> themeFollower = (o, was, now) -> redraw();

    /** The colours a heat map is drawn with around its cells: the page, text, a missing cell, a failing layer. */
    record Paper(Color background, Color text, Color missing, Color alarm) {
        static final Paper LIGHT = new Paper(Color.WHITE, Color.web("#1f2933"), Color.web("#e0e0e0"),
                Color.web("#b71c1c"));
        static final Paper DARK = new Paper(Color.web("#0d1117"), Color.web("#c9d1d9"), Color.web("#30363d"),
                Color.web("#ff7b72"));

        /** The paper of the app's theme now. */
        static Paper current() {
            return org.netwright.app.theme.Themes.isDark() ? DARK : LIGHT;
        }

        private String css(Color c) {
            return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255),
                    Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
        }
    }

    GradientsPanel(InsightViewModel model) {
        this(model.gradientsProperty(), "", 18, "", 8);
        setPadding(new Insets(10, 0, 0, 0));
        Button load = new Button("Read Gradient Norms");
        load.setId("gradients-button");
        load.disableProperty().bind(model.busyProperty());
        load.setOnAction(e -> model.loadGradients());
        Label explain = new Label(EXPLANATION);
        explain.setWrapText(true);
        getChildren().addAll(0, java.util.List.of(InsightView.title("Gradient norms per layer and epoch"), explain,
                load));
        getChildren().add(trainingActivations(model));
    }

    /**
     * The run's layer output statistics on a training batch at the end of a chosen epoch (the last at first), as the
     * run kept them; read with the norms.
     */
    private static VBox trainingActivations(InsightViewModel model) {
        javafx.collections.ObservableList<org.netwright.app.training.ActivationRow> rows =
                javafx.collections.FXCollections.observableArrayList();
        org.netwright.app.training.ActivationTable table = new org.netwright.app.training.ActivationTable(rows,
                "training-activations-table", placeholder(null));
        table.setPrefHeight(170);
        table.setMaxWidth(500);
        javafx.scene.control.ComboBox<Integer> epoch = new javafx.scene.control.ComboBox<>();
        epoch.setId("training-activations-epoch");
        // Room for a three-digit epoch beside the arrow; disabled until there are epochs to choose.
        epoch.setPrefWidth(90);
        epoch.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        epoch.setPromptText("—");
        epoch.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(epoch.getItems()));
        Label waiting = (Label) table.getPlaceholder();
        Label caption = new Label();
        caption.setId("training-activations-caption");
        caption.setWrapText(true);
        Runnable show = () -> {
            InsightData.TrainingActivations a = model.trainingActivationsProperty().get();
            Integer e = epoch.getValue();
            rows.clear();
            if (a == null || e == null || !a.byEpoch().containsKey(e)) {
                return;
            }
            a.byEpoch().get(e).forEach((layer, s) -> rows.add(org.netwright.app.training.ActivationRow.of(layer, s)));
            long bad = rows.stream().filter(org.netwright.app.training.ActivationRow::isProblem).count();
            caption.setText("Layer outputs on a training batch after epoch " + e + " of run " + a.run()
                    + (bad == 0 ? "." : "; " + bad + (bad == 1 ? " layer looks" : " layers look") + " stuck."));
        };
        epoch.valueProperty().addListener((o, was, now) -> show.run());
        model.trainingActivationsProperty().addListener((o, was, a) -> {
            epoch.getItems().setAll(a == null ? java.util.List.of() : a.byEpoch().keySet());
            epoch.setValue(epoch.getItems().isEmpty() ? null : epoch.getItems().get(epoch.getItems().size() - 1));
            // The placeholder says what the table waits for now, not what it waited for before the norms were read.
            waiting.setText(placeholder(a));
            caption.setText(a == null ? "" : a.isEmpty() ? "Run " + a.run() + " kept no layer output statistics (runs"
                    + " trained before they were kept have none); the Activations tab measures them on test samples."
                    : "");
            show.run();
        });
        javafx.scene.layout.HBox choose = new javafx.scene.layout.HBox(8, new Label("Epoch"), epoch);
        choose.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(6, InsightView.title("Layer outputs during training"), choose, caption, table);
        box.setPadding(new Insets(6, 0, 0, 0));
        return box;
    }

    /** What the layer output table says while it is empty: read the norms first, or why the run has no rows. */
    static String placeholder(InsightData.TrainingActivations a) {
        if (a == null) {
            return "Read the gradient norms to see each layer's outputs during training.";
        }
        return a.isEmpty() ? "Run " + a.run() + " kept no layer output statistics." : "Choose an epoch.";
    }

    private static final String EXPLANATION = "Each layer's gradient norm at the end of each epoch, on a log scale."
            + " ▼ vanishing (below 1e-4 of the largest layer's), ▲ exploding (above 1e3, or 1000 times its first): the"
            + " rules behind the run's warnings.";

    /**
     * @param idPrefix put before the CSS ids ({@code gradients-panel}, {@code gradients-caption},
     *                 {@code gradient-heat-map}) so two panels in one window stay apart
     * @param emptyText the caption while there is no heat map yet
     */
    private GradientsPanel(ObservableValue<? extends GradientHeatMap> map, String idPrefix, double row,
                           String emptyText, double spacing) {
        super(spacing);
        this.row = row;
        this.emptyText = emptyText;
        setId(idPrefix + "gradients-panel");
        caption.setId(idPrefix + "gradients-caption");
        caption.setWrapText(true);
        // The verdict wraps rather than ending in an ellipsis; the heat map scrolls in what is left.
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        canvas.setId(idPrefix + "gradient-heat-map");
        scroll = new ScrollPane(canvas);
        scroll.setMinHeight(40);
        scroll.setFitToWidth(false);
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(caption, scroll);
        map.addListener((o, was, now) -> draw(now));
        // Drawn in the app's theme, and drawn again when the user changes it (View > Theme).
        org.netwright.app.theme.Themes.darkProperty().addListener(new javafx.beans.value.WeakChangeListener<>(
                themeFollower));
        draw(map.getValue());
    }

    private void redraw() {
        draw(shown);
    }

    /**
     * The heat map of a run as the training panel shows it: redrawn whenever {@code map} changes (the view model
     * sets it from each epoch's gradient norms), with compact rows and the CSS ids prefixed {@code live-}.
     */
    public static GradientsPanel live(ObservableValue<? extends GradientHeatMap> map) {
        GradientsPanel panel = new GradientsPanel(map, "live-", 14,
                "Each layer's gradient norm is drawn here at the end of every epoch.", 4);
        Tooltip.install(panel.caption, new Tooltip(EXPLANATION));
        return panel;
    }

    /** The colour of {@code t} in 0..1 on the scale. */
    static Color colour(double t) {
        double x = Math.max(0, Math.min(1, t)) * (SCALE.length - 1);
        int i = Math.min(SCALE.length - 2, (int) Math.floor(x));
        return SCALE[i].interpolate(SCALE[i + 1], x - i);
    }

    private void draw(GradientHeatMap map) {
        shown = map;
        Paper paper = Paper.current();
        scroll.setStyle("-fx-background-color: transparent; -fx-background: " + paper.css(paper.background()));
        GraphicsContext g = canvas.getGraphicsContext2D();
        if (map == null || map.isEmpty()) {
            canvas.setWidth(10);
            canvas.setHeight(10);
            g.clearRect(0, 0, 10, 10);
            caption.setText(map == null ? emptyText : map.summary());
            caption.setStyle("");
            return;
        }
        caption.setText(map.summary());
        boolean bad = !map.layersMarked(GradientHeatMap.Health.VANISHING).isEmpty()
                || !map.layersMarked(GradientHeatMap.Health.EXPLODING).isEmpty();
        caption.setStyle(bad ? "-fx-text-fill: " + paper.css(paper.alarm()) + "; -fx-font-weight: bold" : "");
        // Compact rows get a font that fits them.
        double size = Math.min(12, row - 3);
        Font plain = Font.font("System", size);
        Font bold = Font.font("System", FontWeight.BOLD, size);
        double labels = 0;
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        probe.setFont(bold);
        for (String l : map.layers()) {
            probe.setText(l + "  ⚠ vanishing");
            labels = Math.max(labels, probe.getLayoutBounds().getWidth());
        }
        labels = Math.min(260, labels + 12);
        int epochs = map.epochs().size();
        double cell = Math.max(8, Math.min(44, 640 / (double) epochs));
        double gridW = cell * epochs;
        double gridH = row * map.layers().size();
        double legendTop = TOP + gridH + 30;
        canvas.setWidth(labels + Math.max(gridW + 50, 320));
        canvas.setHeight(legendTop + 46);
        g.setFill(paper.background());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        double[] range = map.logRange();
        double lo = range[0];
        double span = range[1] > range[0] ? range[1] - range[0] : 1;
        g.setTextBaseline(VPos.CENTER);
        for (int l = 0; l < map.layers().size(); l++) {
            double y = TOP + l * row;
            boolean vanishing = map.layersMarked(GradientHeatMap.Health.VANISHING).contains(map.layers().get(l));
            boolean exploding = map.layersMarked(GradientHeatMap.Health.EXPLODING).contains(map.layers().get(l));
            g.setFont(vanishing || exploding ? bold : plain);
            g.setFill(vanishing || exploding ? paper.alarm() : paper.text());
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(map.layers().get(l) + (exploding ? "  ⚠ exploding" : vanishing ? "  ⚠ vanishing" : ""),
                    labels - 8, y + row / 2);
            for (int e = 0; e < epochs; e++) {
                double x = labels + e * cell;
                double v = map.norm(l, e);
                g.setFill(Double.isFinite(v) && v > 0 ? colour((Math.log10(v) - lo) / span) : paper.missing());
                g.fillRect(x, y, cell - 1, row - 1);
                GradientHeatMap.Health h = map.health(l, e);
                if (h == GradientHeatMap.Health.VANISHING || h == GradientHeatMap.Health.EXPLODING) {
                    Color c = h == GradientHeatMap.Health.VANISHING ? VANISHING : EXPLODING;
                    g.setStroke(c);
                    g.setLineWidth(2);
                    g.strokeRect(x + 1, y + 1, cell - 3, row - 3);
                    g.setFill(h == GradientHeatMap.Health.VANISHING ? Color.WHITE : Color.BLACK);
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setFont(Font.font("System", FontWeight.BOLD, 10));
                    g.fillText(h == GradientHeatMap.Health.VANISHING ? "▼" : "▲", x + cell / 2, y + row / 2);
                }
            }
        }
        // Epoch numbers along the top, thinned so they never overlap.
        g.setFont(plain);
        g.setFill(paper.text());
        g.setTextAlign(TextAlignment.CENTER);
        int every = (int) Math.ceil(28 / cell);
        for (int e = 0; e < epochs; e += every) {
            g.fillText(Integer.toString(map.epochs().get(e)), labels + e * cell + cell / 2, TOP / 2);
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("epoch", labels + gridW + 4, TOP / 2);
        // The colour scale with its ends.
        double barW = Math.min(300, Math.max(160, gridW));
        for (int i = 0; i < barW; i++) {
            g.setFill(colour(i / barW));
            g.fillRect(labels + i, legendTop, 1, 12);
        }
        g.setFill(paper.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(String.format(Locale.ROOT, "%.1e", Math.pow(10, lo)), labels, legendTop + 26);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(String.format(Locale.ROOT, "%.1e", Math.pow(10, lo + (range[1] > range[0] ? span : 0))),
                labels + barW, legendTop + 26);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("gradient norm", labels - 8, legendTop + 6);
    }

    /** The colour of the heat map's page at ({@code x}, {@code y}) as drawn now, for tests. */
    public Color pageColourAt(int x, int y) {
        javafx.scene.image.WritableImage shot = canvas.snapshot(null, null);
        return shot.getPixelReader().getColor(x, y);
    }

    /** The caption, for tests. */
    public Label caption() {
        return caption;
    }
}
