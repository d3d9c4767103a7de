package org.netwright.app.insight;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.netwright.app.charts.ChartExport;
import org.netwright.app.training.SampleGrid;
import org.netwright.model.run.RunEvent;

/**
 * A VAE's latent space walked between two test samples: the first test samples to pick the two ends from (a click
 * sets the first end, the next click the second), and the decoder's outputs along the straight line between their
 * latent means ({@code generate --interpolate}), drawn as a strip of images, or for vectors as a path on a 2-D plot
 * (two values) or values against the step, with the numbers in a table.
 */
final class InterpolationPanel extends VBox {
    private static final String FROM = "#1a73e8";
    private static final String TO = "#e65100";
    private static final int TABLE_VALUES = 8;
    private final InsightViewModel model;
    private final FlowPane choices = new FlowPane(6, 6);
    private final ImageView strip = new ImageView();
    private final VBox vectors = new VBox(8);
    private final Label caption = new Label();

    InterpolationPanel(InsightViewModel model) {
        super(10);
        this.model = model;
        setId("interpolation-panel");
        setPadding(new Insets(10, 0, 0, 0));
        Label explain = new Label("For a VAE: pick two test samples (click one, then another), and the decoder draws the"
                + " straight line between their places in the latent space, ends included; the ends are the two"
                + " samples' reconstructions.");
        explain.setWrapText(true);
        Button show = new Button("Show Test Samples");
        show.setId("interpolation-samples-button");
        show.disableProperty().bind(model.busyProperty());
        show.setOnAction(e -> model.loadInterpolationSamples());
        choices.setId("interpolation-choices");
        choices.setPrefWrapLength(900);

        Spinner<Integer> from = spinner("interpolation-from", 0, 1_000_000, model.interpolationFromProperty());
        Spinner<Integer> to = spinner("interpolation-to", 0, 1_000_000, model.interpolationToProperty());
        Spinner<Integer> steps = spinner("interpolation-steps", 2, InsightViewModel.MAX_INTERPOLATION_STEPS,
                model.interpolationStepsProperty());
        Button walk = new Button("Interpolate");
        walk.setId("interpolate-button");
        walk.disableProperty().bind(model.busyProperty());
        walk.setOnAction(e -> model.interpolate());
        HBox controls = new HBox(8, coloured(new Label("From sample"), FROM), from, coloured(new Label("to"), TO), to,
                new Label("Points"), steps, walk);
        controls.setAlignment(Pos.CENTER_LEFT);

        strip.setId("interpolation-strip");
        strip.setSmooth(false);
        strip.setPreserveRatio(true);
        caption.setId("interpolation-caption");
        caption.setWrapText(true);
        VBox content = new VBox(10, explain, show, choices, controls, caption, strip, vectors);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background-color: transparent; -fx-background-insets: 0; -fx-padding: 0");
        javafx.scene.layout.VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(InsightView.title("Interpolation between two test samples"), scroll);

        model.interpolationSamplesProperty().addListener((o, was, now) -> showChoices(now));
        model.interpolationFromProperty().addListener((o, was, now) -> markChoices());
        model.interpolationToProperty().addListener((o, was, now) -> markChoices());
        model.interpolationProperty().addListener((o, was, now) -> draw(now));
    }

    private static Label coloured(Label l, String colour) {
        l.setStyle("-fx-text-fill: " + colour + "; -fx-font-weight: bold");
        return l;
    }

    private static Spinner<Integer> spinner(String id, int min, int max, javafx.beans.property.IntegerProperty value) {
        Spinner<Integer> s = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get()));
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(86);
        s.getValueFactory().valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                value.set(now);
            }
        });
        value.addListener((o, was, now) -> s.getValueFactory().setValue(now.intValue()));
        return s;
    }

    private void showChoices(InsightData.TestSamples t) {
        choices.getChildren().clear();
        if (t == null) {
            return;
        }
        for (InsightData.TestSample s : t.samples()) {
            Node tile = switch (t.kind()) {
                case "image" -> imageTile(s, t.shape());
                case "table" -> new Label("#" + s.index() + "  " + row(t.features(), s.values()));
                default -> new Label("#" + s.index() + "  " + String.join(" ", s.tokens()));
            };
            VBox box = new VBox(tile);
            box.setId("interpolation-choice-" + s.index());
            box.setUserData(s.index());
            box.setPadding(new Insets(3));
            box.setCursor(javafx.scene.Cursor.HAND);
            box.setOnMouseClicked(e -> model.pickInterpolationEnd(s.index()));
            choices.getChildren().add(box);
        }
        markChoices();
    }

    /** Frames the chosen ends: the first in blue, the second in orange. */
    private void markChoices() {
        int a = model.interpolationFromProperty().get();
        int b = model.interpolationToProperty().get();
        for (Node n : choices.getChildren()) {
            int i = (Integer) n.getUserData();
            String colour = i == a ? FROM : i == b ? TO : "transparent";
            n.setStyle("-fx-border-color: " + colour + "; -fx-border-width: 2");
        }
    }

    private static Node imageTile(InsightData.TestSample s, int[] shape) {
        int c = shape.length == 3 ? shape[0] : 1;
        int h = shape.length == 3 ? shape[1] : 1;
        int w = shape.length == 3 ? shape[2] : s.values().length;
        ImageView view = new ImageView(LayersPanel.image(MapPictures.image(s.values(), c, h, w,
                Math.max(1, 40 / Math.max(h, w)))));
        view.setSmooth(false);
        Label number = new Label("#" + s.index());
        number.setStyle("-fx-font-size: 10");
        VBox tile = new VBox(2, view, number);
        tile.setAlignment(Pos.TOP_CENTER);
        return tile;
    }

    private static String row(java.util.List<String> features, float[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length && i < 6; i++) {
            b.append(i == 0 ? "" : ", ").append(i < features.size() ? features.get(i) : "x" + (i + 1)).append(' ')
                    .append(String.format(Locale.ROOT, "%.3g", values[i]));
        }
        return b.append(values.length > 6 ? ", …" : "").toString();
    }

    private void draw(InsightData.Interpolation i) {
        strip.setImage(null);
        vectors.getChildren().clear();
        caption.setText(i == null ? "" : InsightViewModel.interpolationCaption(i));
        if (i == null || i.steps() == 0) {
            return;
        }
        if (i.isImage()) {
            drawStrip(i);
        } else {
            drawVectors(i);
        }
    }

    /** Images side by side, first end on the left, as the training panel draws a grid of samples. */
    private void drawStrip(InsightData.Interpolation i) {
        java.util.Optional<SampleGrid> picture = SampleGrid.of(new RunEvent.Samples(0, 1, i.steps(), i.shape(),
                i.values()));
        if (picture.isEmpty()) {
            return;
        }
        SampleGrid p = picture.get();
        // Enlarged here, each pixel a square block: an image view's own scaling may smooth the digits into a blur.
        int zoom = (int) Math.max(1, Math.floor(Math.min(900.0 / p.width(), 96.0 / p.height())));
        int w = p.width() * zoom;
        int h = p.height() * zoom;
        int[] big = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                big[y * w + x] = p.argb()[(y / zoom) * p.width() + x / zoom];
            }
        }
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), big, 0, w);
        strip.setImage(image);
        strip.setFitWidth(0);
    }

    /** Two values: the path on a plane; more (or one): each of the first values against the step. And a table. */
    private void drawVectors(InsightData.Interpolation i) {
        int size = i.size();
        XYSeriesCollection data = new XYSeriesCollection();
        String xLabel;
        String yLabel;
        if (size == 2) {
            XYSeries path = new XYSeries("path", false, true);
            for (int k = 0; k < i.steps(); k++) {
                path.add(i.values()[2 * k], i.values()[2 * k + 1]);
            }
            XYSeries first = new XYSeries("sample " + i.from());
            first.add(i.values()[0], i.values()[1]);
            XYSeries last = new XYSeries("sample " + i.to());
            last.add(i.values()[2 * (i.steps() - 1)], i.values()[2 * (i.steps() - 1) + 1]);
            data.addSeries(path);
            data.addSeries(first);
            data.addSeries(last);
            xLabel = "value 0";
            yLabel = "value 1";
        } else {
            for (int d = 0; d < Math.min(4, size); d++) {
                XYSeries s = new XYSeries("value " + d);
                for (int k = 0; k < i.steps(); k++) {
                    s.add(k, i.values()[k * size + d]);
                }
                data.addSeries(s);
            }
            xLabel = "point";
            yLabel = "value";
        }
        var chart = org.jfree.chart.ChartFactory.createXYLineChart(null, xLabel, yLabel, data,
                org.jfree.chart.plot.PlotOrientation.VERTICAL, true, false, false);
        var renderer = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true, true);
        if (size == 2) {
            renderer.setSeriesPaint(0, new java.awt.Color(0x5b, 0x66, 0x73));
            renderer.setSeriesPaint(1, java.awt.Color.decode(FROM));
            renderer.setSeriesPaint(2, java.awt.Color.decode(TO));
            renderer.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-6, -6, 12, 12));
            renderer.setSeriesShape(2, new java.awt.geom.Ellipse2D.Double(-6, -6, 12, 12));
            renderer.setSeriesLinesVisible(1, false);
            renderer.setSeriesLinesVisible(2, false);
        }
        chart.getXYPlot().setRenderer(renderer);
        ((org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        ((org.jfree.chart.axis.NumberAxis) chart.getXYPlot().getDomainAxis()).setAutoRangeIncludesZero(false);
        // Backgrounds, grid and axes in the app's theme, following it when it changes.
        org.netwright.app.theme.ChartColors.follow(chart);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("interpolation-chart");
        viewer.setPrefSize(460, 320);
        viewer.setMinSize(300, 220);
        ChartExport.install(viewer, "interpolation");

        GridPane table = new GridPane();
        table.setId("interpolation-table");
        table.setHgap(12);
        table.setVgap(2);
        table.add(new Label("point"), 0, 0);
        for (int d = 0; d < Math.min(TABLE_VALUES, size); d++) {
            table.add(new Label("value " + d), d + 1, 0);
        }
        for (int k = 0; k < i.steps(); k++) {
            String name = k == 0 ? "0 (sample " + i.from() + ")" : k == i.steps() - 1 ? k + " (sample " + i.to() + ")"
                    : Integer.toString(k);
            table.add(new Label(name), 0, k + 1);
            for (int d = 0; d < Math.min(TABLE_VALUES, size); d++) {
                table.add(new Label(String.format(Locale.ROOT, "%.4g", i.values()[k * size + d])), d + 1, k + 1);
            }
        }
        vectors.getChildren().setAll(new HBox(24, viewer, table));
    }
}
