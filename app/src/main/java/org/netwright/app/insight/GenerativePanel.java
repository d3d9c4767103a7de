package org.netwright.app.insight;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.netwright.app.training.SampleGrid;
import org.netwright.model.run.RunEvent;

/**
 * A generative run's samples: a grid drawn by its generator (a GAN) or decoder (a VAE) from noise of a chosen seed,
 * one row per class for a conditional GAN; drawn as the training panel draws its live samples ({@link SampleGrid}).
 * A VAE's reconstructions beside their inputs are under the Autoencoder tab.
 */
final class GenerativePanel extends VBox {
    private static final double SIDE = 420;
    private final ImageView grid = new ImageView();
    private final Label caption = new Label();

    GenerativePanel(InsightViewModel model) {
        super(8);
        setId("generative-panel");
        setPadding(new Insets(10, 0, 0, 0));
        Spinner<Integer> seed = new Spinner<>(1, 1_000_000, 1);
        seed.setId("generate-seed");
        seed.setEditable(true);
        seed.setPrefWidth(100);
        Button draw = new Button("Draw Samples");
        draw.setId("generate-button");
        draw.disableProperty().bind(model.busyProperty());
        draw.setOnAction(e -> model.generate(seed.getValue()));
        HBox controls = new HBox(8, new Label("Noise seed"), seed, draw);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label explain = new Label("Samples from a GAN's generator or a VAE's decoder on fresh noise (a conditional"
                + " GAN: one row per class). A VAE's reconstructions are under Autoencoder.");
        explain.setWrapText(true);
        grid.setId("generated-grid");
        grid.setSmooth(false);
        grid.setPreserveRatio(true);
        caption.setId("generated-caption");
        caption.setWrapText(true);
        model.generatedProperty().addListener((o, was, now) -> draw(now));
        getChildren().addAll(InsightView.title("Generated samples"), explain, controls, grid, caption);
    }

    private void draw(InsightData.Generated g) {
        grid.setImage(null);
        caption.setText("");
        if (g == null) {
            return;
        }
        RunEvent.Samples samples = new RunEvent.Samples(0, g.rows(), g.cols(), g.shape(), g.values());
        java.util.Optional<SampleGrid> picture = SampleGrid.of(samples);
        if (picture.isEmpty()) {
            caption.setText("These samples (" + java.util.Arrays.toString(g.shape()) + " each) are neither images nor"
                    + " 2-D points, the two kinds this tab draws.");
            return;
        }
        SampleGrid p = picture.get();
        WritableImage image = new WritableImage(p.width(), p.height());
        image.getPixelWriter().setPixels(0, 0, p.width(), p.height(), PixelFormat.getIntArgbInstance(), p.argb(), 0,
                p.width());
        grid.setImage(image);
        double zoom = Math.max(1, Math.floor(SIDE / Math.max(p.width(), p.height())));
        grid.setFitWidth(p.width() * zoom);
        caption.setText(g.rows() * g.cols() + " samples of run " + g.run() + (g.perClass() ? ", one row per class"
                + " (class 0 at the top)" : "") + ".");
    }
}
