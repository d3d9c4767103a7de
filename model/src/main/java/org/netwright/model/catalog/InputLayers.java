package org.netwright.model.catalog;

import java.util.List;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.Shape;

/** Where data enters a network. */
final class InputLayers {
    private InputLayers() {
    }

    static List<LayerSpec> all() {
        return List.of(
                new LayerSpec("image_input", "Image input", LayerFamily.INPUT,
                        "Feeds images shaped channels×height×width into the network, one batch at a time. "
                                + "Use 1 channel for grey images and 3 for colour; e.g. 1×28×28 for handwritten digits.",
                        List.of(new IntParam("channels", "Channels", 1, 1, 4096, "Colour planes per image: 1 grey, 3 RGB."),
                                new IntParam("height", "Height", 28, 1, 8192, "Image height in pixels."),
                                new IntParam("width", "Width", 28, 1, 8192, "Image width in pixels.")),
                        Ports.none(), Ports.OUT,
                        (p, in) -> LayerOutput.of(Shape.of(p.getInt("channels"), p.getInt("height"), p.getInt("width")))),
                new LayerSpec("vector_input", "Vector input", LayerFamily.INPUT,
                        "Feeds rows of numbers (tabular features) into the network. "
                                + "Set the feature count to the number of columns you train on, e.g. 2 for points in the plane.",
                        List.of(new IntParam("features", "Features", 2, 1, 1_000_000, "Numbers per sample.")),
                        Ports.none(), Ports.OUT,
                        (p, in) -> LayerOutput.of(Shape.of(p.getInt("features")))),
                new LayerSpec("sequence_input", "Sequence input", LayerFamily.INPUT,
                        "Feeds sequences of T time steps with F numbers each (T×F), e.g. sensor readings or a price "
                                + "series. Recurrent and attention layers read it; 50 steps of 1 feature is a typical window.",
                        List.of(new IntParam("steps", "Time steps", 20, 1, 1_000_000, "Length T of each sequence."),
                                new IntParam("features", "Features", 1, 1, 1_000_000, "Numbers F per time step.")),
                        Ports.none(), Ports.OUT,
                        (p, in) -> LayerOutput.of(Shape.of(p.getInt("steps"), p.getInt("features")))),
                new LayerSpec("token_input", "Token input", LayerFamily.INPUT,
                        "Feeds text as T integer token ids, each below the vocabulary size; shorter texts are filled "
                                + "with the padding id. Follow it with an Embedding; e.g. 64 tokens from 10,000 words.",
                        List.of(new IntParam("length", "Length", 32, 1, 1_000_000, "Tokens T per sample."),
                                new IntParam("vocabulary", "Vocabulary", 1000, 2, 10_000_000,
                                        "Number of distinct token ids; ids run from 0 to vocabulary - 1."),
                                new IntParam("padding_id", "Padding id", 0, -1, 10_000_000,
                                        "Id that fills short texts; -1 when nothing is padded.")),
                        Ports.none(), Ports.OUT, InputLayers::tokens),
                new LayerSpec("noise_input", "Noise input", LayerFamily.INPUT,
                        "Feeds a random latent vector of Z numbers, the seed a generator turns into a sample. "
                                + "While training it is fed like any input; 100 normal numbers is the DCGAN setting.",
                        List.of(new IntParam("latent", "Latent size", 64, 1, 1_000_000, "Numbers Z per sample."),
                                new ChoiceParam("distribution", "Distribution", "normal", List.of("normal", "uniform"),
                                        "normal: mean 0, deviation 1; uniform: between -1 and 1.")),
                        Ports.none(), Ports.OUT,
                        (p, in) -> LayerOutput.of(Shape.of(p.getInt("latent")))),
                new LayerSpec("label_input", "Label input", LayerFamily.INPUT,
                        "Feeds one class id per sample (a single number) as a condition, e.g. which digit a "
                                + "conditional GAN should draw. Follow it with an Embedding of as many rows as classes.",
                        List.of(new IntParam("classes", "Classes", 10, 2, 1_000_000,
                                "Number of classes; ids run from 0 to classes - 1.")),
                        Ports.none(), Ports.OUT, (p, in) -> LayerOutput.of(Shape.of(1))));
    }

    private static LayerOutput tokens(LayerParams p, List<Shape> in) {
        int vocabulary = p.getInt("vocabulary");
        int pad = p.getInt("padding_id");
        if (pad >= vocabulary) {
            throw new IllegalArgumentException("the padding id " + pad + " must be below the vocabulary size "
                    + vocabulary);
        }
        return LayerOutput.of(Shape.of(p.getInt("length")));
    }
}
