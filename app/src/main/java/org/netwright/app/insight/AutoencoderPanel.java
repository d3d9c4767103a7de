package org.netwright.app.insight;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.netwright.app.charts.ChartExport;

/**
 * An autoencoder or a VAE from inside: its first test inputs (top row) above their reconstructions (bottom row), and
 * the test samples in its bottleneck as a scatter coloured by class (the first two dimensions when it has more).
 */
final class AutoencoderPanel extends VBox {
    private static final int COUNT = 8;
    private final ImageView pairs = new ImageView();
    private final Label pairsText = new Label();
    private final Label latentCaption = new Label();
    private final VBox latentBox = new VBox(6);

    AutoencoderPanel(InsightViewModel model) {
        super(10);
        setId("autoencoder-panel");
        setPadding(new Insets(10, 0, 0, 0));
        Button load = new Button("Reconstruct and Place Test Samples");
        load.setId("autoencoder-button");
        load.disableProperty().bind(model.busyProperty());
        load.setOnAction(e -> model.loadAutoencoder(COUNT));
        pairs.setId("reconstructions");
        pairs.setSmooth(false);
        pairsText.setId("reconstructions-text");
        latentCaption.setId("latent-caption");
        latentCaption.setWrapText(true);
        model.reconstructionsProperty().addListener((o, was, now) -> drawPairs(now));
        model.latentProperty().addListener((o, was, now) -> drawLatent(now));
        VBox left = new VBox(8, InsightView.title("Inputs (top) and reconstructions (bottom)"), pairs, pairsText);
        left.setMinWidth(360);
        VBox right = new VBox(8, InsightView.title("Bottleneck"), latentCaption, latentBox);
        getChildren().addAll(load, new HBox(24, left, right));
    }

    private void drawPairs(InsightData.Reconstructions r) {
        pairs.setImage(null);
        pairsText.setText("");
        if (r == null || r.count() == 0) {
            return;
        }
        int[] s = r.shape();
        int per = r.inputs().length / r.count();
        if (s.length == 3) {
            // Channel 0 of each image; inputs and outputs on one scale so they compare.
            int h = s[1];
            int w = s[2];
            float[] tiles = new float[2 * r.count() * h * w];
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < r.count(); i++) {
                System.arraycopy(r.inputs(), i * per, tiles, i * h * w, h * w);
                System.arraycopy(r.outputs(), i * per, tiles, (r.count() + i) * h * w, h * w);
            }
            for (float v : tiles) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            int zoom = Math.max(1, 44 / Math.max(h, w));
            pairs.setImage(LayersPanel.image(MapPictures.tiles(tiles, 2 * r.count(), h, w, zoom, r.count(), lo, hi)));
            return;
        }
        StringBuilder b = new StringBuilder("input → reconstruction\n");
        for (int i = 0; i < r.count(); i++) {
            b.append(values(r.inputs(), i * per, per)).append("  →  ").append(values(r.outputs(), i * per, per))
                    .append('\n');
        }
        pairsText.setText(b.toString());
    }

    private static String values(float[] v, int from, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(n, 6); i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.3f", v[from + i]));
        }
        return b.append(n > 6 ? ", …" : "").toString();
    }

    /** The latent points as one series per class (one series "samples" when the data have no classes). */
    static XYSeriesCollection latentSeries(InsightData.Latent z) {
        Map<String, XYSeries> byClass = new LinkedHashMap<>();
        for (int i = 0; i < z.xs().length; i++) {
            String name = z.classes().length == z.xs().length ? (z.classes()[i] < z.classNames().size()
                    ? z.classNames().get(z.classes()[i]) : Integer.toString(z.classes()[i])) : "samples";
            byClass.computeIfAbsent(name, n -> new XYSeries(n, false, true)).add(z.xs()[i], z.ys()[i], false);
        }
        XYSeriesCollection c = new XYSeriesCollection();
        byClass.values().forEach(c::addSeries);
        return c;
    }

    private void drawLatent(InsightData.Latent z) {
        latentBox.getChildren().clear();
        latentCaption.setText(z == null ? "" : InsightViewModel.latentCaption(z));
        if (z == null) {
            return;
        }
        var chart = org.jfree.chart.ChartFactory.createScatterPlot(null, z.layer() + " [0]", z.dims() > 1
                ? z.layer() + " [1]" : "", latentSeries(z));
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        chart.getXYPlot().setBackgroundPaint(java.awt.Color.WHITE);
        // Backgrounds, grid and axes in the app's theme, following it when it changes.
        org.netwright.app.theme.ChartColors.follow(chart);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setId("latent-chart");
        viewer.setPrefSize(420, 320);
        ChartExport.install(viewer, "latent");
        latentBox.getChildren().add(viewer);
    }
}
