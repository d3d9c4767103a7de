package org.netwright.templates;

import java.util.List;
import java.util.Map;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;

/** Templates that learn to give back their input: an autoencoder, a denoising autoencoder and a VAE. */
final class AutoencoderNets {
    static final String AUTOENCODER = "autoencoder";
    static final String DENOISING_AUTOENCODER = "denoising-autoencoder";
    static final String VAE = "vae";
    static final int SIZE = 16;

    private AutoencoderNets() {
    }

    /**
     * Squeezes 16×16 digit images through a 32-value bottleneck and back; the data have no other target than
     * the image, so the proposed task trains the output against the input.
     */
    static Template autoencoder() {
        var graph = new GraphBuilder()
                .input("image_input", Map.of("channels", 1, "height", SIZE, "width", SIZE))
                .then("flatten")
                .then("dense", Map.of("units", 128)).then("relu")
                .then("dense", Map.of("units", 32)).then("relu")
                .newRow()
                .then("dense", Map.of("units", 128)).then("relu")
                .then("dense", Map.of("units", SIZE * SIZE)).then("sigmoid")
                .then("reshape", Map.of("target", "1," + SIZE + "," + SIZE))
                .build();
        var settings = new TrainingSettings(20, 32, 0.003, "adam", "auto", 42, 0.2, 0.2,
                DataRecipe.generator("segment_digits", Map.of("samples", 1000, "size", SIZE)));
        return new Template(AUTOENCODER, "Autoencoder: digits through a bottleneck",
                "Compresses 16×16 digit images to 32 numbers and reconstructs them, trained with mean squared error"
                        + " against its own input.", graph, settings);
    }

    /** Three same-size convolutions map a noisy digit image to the clean one. */
    static Template denoisingAutoencoder() {
        var graph = new GraphBuilder()
                .input("image_input", Map.of("channels", 1, "height", SIZE, "width", SIZE))
                .then("conv2d", Map.of("filters", 16, "kernel", 3, "padding", "same")).then("relu")
                .then("conv2d", Map.of("filters", 16, "kernel", 3, "padding", "same")).then("relu")
                .newRow()
                .then("conv2d", Map.of("filters", 1, "kernel", 3, "padding", "same")).then("sigmoid")
                .build();
        var settings = new TrainingSettings(10, 32, 0.005, "adam", "auto", 42, 0.2, 0.2,
                DataRecipe.generator("noisy_digits", Map.of("samples", 1000, "size", SIZE, "noise", 0.3)));
        return new Template(DENOISING_AUTOENCODER, "Denoising autoencoder: clean up noisy digits",
                "Reads digit images with heavy Gaussian noise (field noisy) and is trained to output the clean"
                        + " images (field clean) with mean squared error.", graph, settings);
    }

    /**
     * A VAE on points of two moons: an encoder gives the mean and log-variance of a 2-d latent, the sampling
     * layer draws from it, and a decoder maps the draw back to a point; the run adds the KL term.
     */
    static Template vae() {
        double x = GraphBuilder.LEFT;
        double y = GraphBuilder.ROW_Y;
        double dx = GraphBuilder.STEP_X;
        double lane = GraphBuilder.LANE_Y;
        List<Node> nodes = List.of(
                new Node("input", "vector_input", Map.of("features", 2), x, y),
                new Node("dense_1", "dense", Map.of("units", 64), x + dx, y),
                new Node("tanh_1", "tanh", Map.of(), x + 2 * dx, y),
                new Node("dense_2", "dense", Map.of("units", 64), x + 3 * dx, y),
                new Node("tanh_2", "tanh", Map.of(), x + 4 * dx, y),
                new Node("mu", "dense", Map.of("units", 2), x + 5 * dx, y),
                new Node("log_var", "dense", Map.of("units", 2), x + 5 * dx, y + lane),
                new Node("sampling", "sampling", Map.of(), x + 6 * dx, y),
                new Node("dense_3", "dense", Map.of("units", 64), x, y + GraphBuilder.ROW_GAP),
                new Node("tanh_3", "tanh", Map.of(), x + dx, y + GraphBuilder.ROW_GAP),
                new Node("dense_4", "dense", Map.of("units", 64), x + 2 * dx, y + GraphBuilder.ROW_GAP),
                new Node("tanh_4", "tanh", Map.of(), x + 3 * dx, y + GraphBuilder.ROW_GAP),
                new Node("dense_5", "dense", Map.of("units", 2), x + 4 * dx, y + GraphBuilder.ROW_GAP));
        List<Edge> edges = List.of(
                Edge.of("input", "out", "dense_1", "in"), Edge.of("dense_1", "out", "tanh_1", "in"),
                Edge.of("tanh_1", "out", "dense_2", "in"), Edge.of("dense_2", "out", "tanh_2", "in"),
                Edge.of("tanh_2", "out", "mu", "in"), Edge.of("tanh_2", "out", "log_var", "in"),
                Edge.of("mu", "out", "sampling", "mu"), Edge.of("log_var", "out", "sampling", "log_var"),
                Edge.of("sampling", "out", "dense_3", "in"), Edge.of("dense_3", "out", "tanh_3", "in"),
                Edge.of("tanh_3", "out", "dense_4", "in"), Edge.of("dense_4", "out", "tanh_4", "in"),
                Edge.of("tanh_4", "out", "dense_5", "in"));
        // Gradients clipped to a norm of 1: an unlucky step can push a log-variance far enough for exp() to blow the
        // KL term up, and the run never recovers (seen for one seed in five without clipping).
        var settings = new TrainingSettings(60, 64, 0.005, "adam", "auto", 42, 0.2, 0.2,
                DataRecipe.generator("moon_points", Map.of("samples", 1000, "noise", 0.1, "scale", 3)))
                .withOptions(org.netwright.model.settings.TrainingOptions.DEFAULTS.withClipNorm(1.0));
        return new Template(VAE, "VAE: a variational autoencoder on two moons",
                "Encodes points of two moons (scaled ×3) into a 2-d latent through the Sampling block and decodes"
                        + " them; the loss is the reconstruction error plus the KL term, and decoding N(0, 1) draws"
                        + " generates new points.", Graph.of(nodes, edges), settings);
    }
}
