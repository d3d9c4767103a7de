package org.netwright.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingOptions;
import org.netwright.model.settings.TrainingSettings;

/**
 * Generative adversarial templates: a generator and a discriminator drawn as two separate parts of one canvas,
 * the generator on the top row and the discriminator under it.
 */
final class GanNets {
    static final String GAN_2D = "gan-2d";
    static final String CGAN = "cgan";
    static final String DCGAN = "dcgan";
    private static final int DIGIT_SIZE = 16;
    private static final double STEP = 190;
    private static final double ROW = 190;

    private GanNets() {
    }

    /**
     * A GAN on the ring of 8 Gaussians: an 8-number noise vector through a 2-layer ReLU MLP to a point, and a
     * 2-layer leaky-ReLU MLP that scores points as real or generated.
     */
    static Template gan2d() {
        Parts p = new Parts();
        p.node("noise", "noise_input", Map.of("latent", 8), 0, 0);
        p.chain("noise", 0, 1, generatorBody());
        p.node("point", "vector_input", Map.of("features", 2), 0, 1);
        p.chain("point", 1, 1, discriminatorBody());
        return new Template(GAN_2D, "GAN: a ring of 8 Gaussians",
                "A generator learns to draw 2-D points like the data's 8 clusters on a ring while a discriminator "
                        + "learns to tell them from real ones; reports d_loss and g_loss.",
                p.graph(), settings(400, 256, 0.001));
    }

    /**
     * A conditional GAN on the same ring: the mode's id, embedded, joins the noise in the generator and the point
     * in the discriminator, so the generator learns to draw a point of the mode it is asked for.
     */
    static Template cgan() {
        Parts p = new Parts();
        p.node("noise", "noise_input", Map.of("latent", 8), 0, 0);
        p.node("g_label", "label_input", Map.of("classes", 8), 0, 1);
        p.node("g_embed", "embedding", Map.of("vocabulary", 8, "dimension", 8), 1, 1);
        p.node("g_flat", "flatten", Map.of(), 2, 1);
        p.node("g_join", "concatenate", Map.of("inputs", 2), 3, 0);
        p.edge("g_label", "g_embed", "in").edge("g_embed", "g_flat", "in").edge("noise", "g_join", "in1")
                .edge("g_flat", "g_join", "in2");
        p.chain("g_join", 0, 4, generatorBody());
        p.node("point", "vector_input", Map.of("features", 2), 0, 2);
        p.node("d_label", "label_input", Map.of("classes", 8), 0, 3);
        p.node("d_embed", "embedding", Map.of("vocabulary", 8, "dimension", 8), 1, 3);
        p.node("d_flat", "flatten", Map.of(), 2, 3);
        p.node("d_join", "concatenate", Map.of("inputs", 2), 3, 2);
        p.edge("d_label", "d_embed", "in").edge("d_embed", "d_flat", "in").edge("point", "d_join", "in1")
                .edge("d_flat", "d_join", "in2");
        p.chain("d_join", 2, 4, discriminatorBody());
        return new Template(CGAN, "Conditional GAN: draw the asked cluster",
                "A GAN on the ring of 8 Gaussians where generator and discriminator both read the cluster's id, so "
                        + "the generator draws points of the cluster it is given; reports d_loss and g_loss.",
                p.graph(), settings(80, 128, 0.001));
    }

    /**
     * A deep convolutional GAN on 16×16 digit images: a 32-number noise vector becomes a 64×4×4 map that two
     * transposed convolutions double to 8×8 and 16×16 (a sigmoid keeps pixels in [0, 1]); two strided
     * convolutions halve a digit image to 4×4 for the discriminator's score.
     */
    static Template dcgan() {
        Parts p = new Parts();
        int s = DIGIT_SIZE / 4;
        p.node("noise", "noise_input", Map.of("latent", 32), 0, 0);
        p.chain("noise", 0, 1, List.of(new Object[] {"g_dense", "dense", Map.of("units", 64 * s * s)},
                new Object[] {"g_act0", "relu", Map.of()},
                new Object[] {"g_map", "reshape", Map.of("target", "64," + s + "," + s)},
                new Object[] {"g_up1", "conv_transpose2d", Map.of("filters", 32, "kernel", 4, "stride", 2, "pad", 1)},
                new Object[] {"g_norm1", "batch_norm", Map.of()},
                new Object[] {"g_act1", "relu", Map.of()},
                new Object[] {"g_up2", "conv_transpose2d", Map.of("filters", 1, "kernel", 4, "stride", 2, "pad", 1)},
                new Object[] {"image", "sigmoid", Map.of()}));
        p.node("digit", "image_input", Map.of("channels", 1, "height", DIGIT_SIZE, "width", DIGIT_SIZE), 0, 1);
        p.chain("digit", 1, 1, List.of(
                new Object[] {"d_conv1", "conv2d", Map.of("filters", 32, "kernel", 4, "stride", 2, "padding",
                        "explicit", "pad", 1)},
                new Object[] {"d_act1", "leaky_relu", Map.of("slope", 0.2)},
                new Object[] {"d_conv2", "conv2d", Map.of("filters", 64, "kernel", 4, "stride", 2, "padding",
                        "explicit", "pad", 1)},
                new Object[] {"d_act2", "leaky_relu", Map.of("slope", 0.2)},
                new Object[] {"d_flat", "flatten", Map.of()},
                new Object[] {"score", "dense", Map.of("units", 1)}));
        TrainingSettings settings = settings(80, 64, 0.0005).withData(DataRecipe.generator("segment_digits",
                Map.of("samples", 2000, "size", DIGIT_SIZE)));
        return new Template(DCGAN, "DCGAN: draw digit images",
                "A convolutional GAN: transposed convolutions turn noise into 16×16 digit images while strided "
                        + "convolutions learn to tell them from real digits; reports d_loss and g_loss.",
                p.graph(), settings);
    }

    private static List<Object[]> generatorBody() {
        return List.of(new Object[] {"g_dense1", "dense", Map.of("units", 128)}, new Object[] {"g_act1", "relu", Map.of()},
                new Object[] {"g_dense2", "dense", Map.of("units", 128)}, new Object[] {"g_act2", "relu", Map.of()},
                new Object[] {"sample", "dense", Map.of("units", 2)});
    }

    private static List<Object[]> discriminatorBody() {
        return List.of(new Object[] {"d_dense1", "dense", Map.of("units", 128)},
                new Object[] {"d_act1", "leaky_relu", Map.of("slope", 0.2)},
                new Object[] {"d_drop1", "dropout", Map.of("rate", 0.2)},
                new Object[] {"d_dense2", "dense", Map.of("units", 128)},
                new Object[] {"d_act2", "leaky_relu", Map.of("slope", 0.2)},
                new Object[] {"d_drop2", "dropout", Map.of("rate", 0.2)},
                new Object[] {"score", "dense", Map.of("units", 1)});
    }

    private static TrainingSettings settings(int epochs, int batch, double rate) {
        // Adam with beta1 0.5, the usual GAN setting: a shorter gradient memory follows the moving target.
        TrainingOptions d = TrainingOptions.DEFAULTS;
        TrainingOptions adam = new TrainingOptions(d.momentum(), 0.5, d.beta2(), d.epsilon(), d.weightDecay(), d.l1(),
                d.schedule(), d.clipNorm(), d.clipValue(), d.patience(), d.monitor(), d.restoreBest(), d.initializer(),
                d.device());
        return new TrainingSettings(epochs, batch, rate, "adam", "auto", 42, 0.1, 0.1,
                DataRecipe.generator("ring_gaussians", Map.of("samples", 6000, "std", 0.05))).withOptions(adam);
    }

    /** Nodes placed on a grid of columns and rows, and the edges between them. */
    private static final class Parts {
        private final List<Node> nodes = new ArrayList<>();
        private final List<Edge> edges = new ArrayList<>();

        Parts node(String id, String type, Map<String, Object> params, double column, double row) {
            // From the layout's margin, as GraphBuilder's templates: a fit cannot scroll past the canvas's origin.
            nodes.add(new Node(id, type, params, GraphBuilder.LEFT + column * STEP, GraphBuilder.LEFT + row * ROW));
            return this;
        }

        Parts edge(String from, String to, String port) {
            edges.add(Edge.of(from, "out", to, port));
            return this;
        }

        /** Layers {@code {id, type, params}} after {@code from}, left to right from {@code column} on {@code row}. */
        void chain(String from, double row, double column, List<Object[]> layers) {
            String last = from;
            double c = column;
            for (Object[] l : layers) {
                @SuppressWarnings("unchecked")
                Map<String, Object> params = (Map<String, Object>) l[2];
                node((String) l[0], (String) l[1], params, c++, row);
                edge(last, (String) l[0], "in");
                last = (String) l[0];
            }
        }

        Graph graph() {
            return Graph.of(nodes, edges);
        }
    }
}
