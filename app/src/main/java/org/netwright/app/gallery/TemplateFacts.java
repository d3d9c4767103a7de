package org.netwright.app.gallery;

import java.util.Map;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.ShapeInference;
import org.netwright.model.task.NetworkKind;
import org.netwright.templates.Template;

/**
 * What the gallery says about one template: its family of network, the task it learns, the data it trains on, its
 * size (parameters and multiply-accumulates per sample) and when to use it.
 */
public record TemplateFacts(Template template, String family, String task, String data, long params, long macs,
                            String whenToUse) {

    /**
     * When to use each built-in template, in our words; a template missing here (a user's) says its description. The
     * family and task come from {@link NetworkKind}, the same reading for built-in and user templates.
     */
    private static final Map<String, String> WHEN = Map.ofEntries(
            Map.entry("two-moons-mlp",
                    "A first network: two features, two classes; see a decision boundary form in seconds."),
            Map.entry("regression-mlp",
                    "Predict a number from a few numbers (a price from a table's columns)."),
            Map.entry("shapes-cnn",
                    "Small images in a few classes; the quickest convolutional network to train here."),
            Map.entry("lenet5",
                    "Grey digit or character images of about 28x28; the classic starting CNN."),
            Map.entry("alexnet",
                    "Study a historic large CNN; train it only on large colour image sets of your own."),
            Map.entry("vgg16",
                    "Study deep stacks of 3x3 convolutions; needs your own large colour image set."),
            Map.entry("resnet18",
                    "Deep image classifiers with shortcut connections; needs your own colour images."),
            Map.entry("resnet-mini",
                    "Learn residual blocks on small images that train in a minute."),
            Map.entry("vit-mini",
                    "See how a Vision Transformer cuts an image into patches; small images."),
            Map.entry("lstm-forecast",
                    "Predict the next values of a time series (sensor readings, sales)."),
            Map.entry("conv1d-forecast",
                    "Forecast a series from a window of past values with 1-d convolutions; fast to train."),
            Map.entry("lstm-classifier",
                    "Label whole sequences (gestures, sensor windows) with an LSTM."),
            Map.entry("gru-classifier",
                    "Label whole sequences with a GRU, lighter than an LSTM."),
            Map.entry("transformer-classifier",
                    "Label token sequences (short texts) with self-attention."),
            Map.entry("transformer-seq2seq",
                    "Turn one sequence into another (translation-like tasks) with an encoder and a decoder."),
            Map.entry("gpt-mini",
                    "Generate text one token at a time with a small causal Transformer."),
            Map.entry("autoencoder",
                    "Compress images through a bottleneck; find what matters in the data."),
            Map.entry("denoising-autoencoder",
                    "Clean noisy images by learning to restore them."),
            Map.entry("vae",
                    "Generate new samples from a smooth learned space of the data."),
            Map.entry("gan-2d",
                    "Watch a generator and a discriminator compete on 2-d points."),
            Map.entry("cgan",
                    "Generate samples of a class you choose."),
            Map.entry("dcgan",
                    "Generate small images with convolutional generator and discriminator."),
            Map.entry("communities-gcn",
                    "Label the nodes of one graph (people in a network) from their links."),
            Map.entry("gcn-node",
                    "Label nodes of a graph with graph convolutions."),
            Map.entry("gat-node",
                    "Label nodes when some neighbours matter more (graph attention)."),
            Map.entry("gnn-graph-classify",
                    "Label whole small graphs (molecules, rings or trees)."));

    /** The facts of a template; infers its shapes once for the size. */
    public static TemplateFacts of(Template t) {
        GraphShapes shapes = ShapeInference.infer(t.graph());
        NetworkKind kind = NetworkKind.of(t.graph(), t.settings());
        String when = WHEN.getOrDefault(t.id(), t.description());
        return new TemplateFacts(t, kind.family(), kind.task(), data(t), shapes.totalParams(), shapes.totalMacs(),
                when);
    }

    /** The data in words: the built-in generator's name, or what the user must bring. */
    static String data(Template t) {
        DataRecipe r = t.settings().data();
        if (r == null) {
            return "Your own data";
        }
        if (Template.needsUserData(r)) {
            return "Your own: " + r.options().getOrDefault(Template.EXPECTS, r.kind() + " file");
        }
        if ("generator".equals(r.kind())) {
            return "Built in: " + String.valueOf(r.options().getOrDefault("name", "generator")).replace('_', ' ');
        }
        Object path = r.options().get("path");
        return r.kind() + " file" + (path == null ? "" : ": " + java.nio.file.Path.of(path.toString()).getFileName());
    }
}
