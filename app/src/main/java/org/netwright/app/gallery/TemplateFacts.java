package org.netwright.app.gallery;

import java.util.Map;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.ShapeInference;
import org.netwright.templates.Template;

/**
 * What the gallery says about one template: its family of network, the task it learns, the data it trains on, its
 * size (parameters and multiply-accumulates per sample) and when to use it.
 */
public record TemplateFacts(Template template, String family, String task, String data, long params, long macs,
                            String whenToUse) {

    private record Words(String family, String task, String when) {
    }

    /** Our words per built-in template; a template missing here gets its family from its layers and its description. */
    private static final Map<String, Words> WORDS = Map.ofEntries(
            Map.entry("two-moons-mlp", new Words("MLP", "Classification",
                    "A first network: two features, two classes; see a decision boundary form in seconds.")),
            Map.entry("regression-mlp", new Words("MLP", "Regression",
                    "Predict a number from a few numbers (a price from a table's columns).")),
            Map.entry("shapes-cnn", new Words("CNN", "Classification",
                    "Small images in a few classes; the quickest convolutional network to train here.")),
            Map.entry("lenet5", new Words("CNN", "Classification",
                    "Grey digit or character images of about 28x28; the classic starting CNN.")),
            Map.entry("alexnet", new Words("CNN", "Classification",
                    "Study a historic large CNN; train it only on large colour image sets of your own.")),
            Map.entry("vgg16", new Words("CNN", "Classification",
                    "Study deep stacks of 3x3 convolutions; needs your own large colour image set.")),
            Map.entry("resnet18", new Words("CNN", "Classification",
                    "Deep image classifiers with shortcut connections; needs your own colour images.")),
            Map.entry("resnet-mini", new Words("CNN", "Classification",
                    "Learn residual blocks on small images that train in a minute.")),
            Map.entry("vit-mini", new Words("Transformer", "Classification",
                    "See how a Vision Transformer cuts an image into patches; small images.")),
            Map.entry("lstm-forecast", new Words("Recurrent", "Forecasting",
                    "Predict the next values of a time series (sensor readings, sales).")),
            Map.entry("conv1d-forecast", new Words("CNN", "Forecasting",
                    "Forecast a series from a window of past values with 1-d convolutions; fast to train.")),
            Map.entry("lstm-classifier", new Words("Recurrent", "Classification",
                    "Label whole sequences (gestures, sensor windows) with an LSTM.")),
            Map.entry("gru-classifier", new Words("Recurrent", "Classification",
                    "Label whole sequences with a GRU, lighter than an LSTM.")),
            Map.entry("transformer-classifier", new Words("Transformer", "Classification",
                    "Label token sequences (short texts) with self-attention.")),
            Map.entry("transformer-seq2seq", new Words("Transformer", "Sequence to sequence",
                    "Turn one sequence into another (translation-like tasks) with an encoder and a decoder.")),
            Map.entry("gpt-mini", new Words("Transformer", "Language model",
                    "Generate text one token at a time with a small causal Transformer.")),
            Map.entry("autoencoder", new Words("Autoencoder", "Reconstruction",
                    "Compress images through a bottleneck; find what matters in the data.")),
            Map.entry("denoising-autoencoder", new Words("Autoencoder", "Reconstruction",
                    "Clean noisy images by learning to restore them.")),
            Map.entry("vae", new Words("VAE", "Generation",
                    "Generate new samples from a smooth learned space of the data.")),
            Map.entry("gan-2d", new Words("GAN", "Generation",
                    "Watch a generator and a discriminator compete on 2-d points.")),
            Map.entry("cgan", new Words("GAN", "Generation",
                    "Generate samples of a class you choose.")),
            Map.entry("dcgan", new Words("GAN", "Generation",
                    "Generate small images with convolutional generator and discriminator.")),
            Map.entry("communities-gcn", new Words("Graph network", "Node classification",
                    "Label the nodes of one graph (people in a network) from their links.")),
            Map.entry("gcn-node", new Words("Graph network", "Node classification",
                    "Label nodes of a graph with graph convolutions.")),
            Map.entry("gat-node", new Words("Graph network", "Node classification",
                    "Label nodes when some neighbours matter more (graph attention).")),
            Map.entry("gnn-graph-classify", new Words("Graph network", "Graph classification",
                    "Label whole small graphs (molecules, rings or trees).")));

    /** The facts of a template; infers its shapes once for the size. */
    public static TemplateFacts of(Template t) {
        GraphShapes shapes = ShapeInference.infer(t.graph());
        Words w = WORDS.getOrDefault(t.id(), new Words(familyFromLayers(t), "Other", t.description()));
        return new TemplateFacts(t, w.family(), w.task(), data(t), shapes.totalParams(), shapes.totalMacs(), w.when());
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

    private static String familyFromLayers(Template t) {
        var types = t.graph().nodes().values().stream().map(n -> n.type()).toList();
        if (types.stream().anyMatch(s -> s.startsWith("gcn") || s.startsWith("gat") || s.startsWith("graph"))) {
            return "Graph network";
        }
        if (types.stream().anyMatch(s -> s.contains("attention") || s.contains("transformer"))) {
            return "Transformer";
        }
        if (types.stream().anyMatch(s -> s.equals("lstm") || s.equals("gru") || s.equals("rnn"))) {
            return "Recurrent";
        }
        if (types.stream().anyMatch(s -> s.startsWith("conv"))) {
            return "CNN";
        }
        return "MLP";
    }
}
