package org.netwright.model.catalog;

import java.util.List;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeMismatch;

/** Element-wise non-linearities and (log-)softmax; all keep the shape and only PReLU learns anything. */
final class ActivationLayers {
    private ActivationLayers() {
    }

    static List<LayerSpec> all() {
        return List.of(
                activation("relu", "ReLU",
                        "max(0, x): passes positives, zeroes negatives. The default choice between layers; cheap and "
                                + "keeps gradients alive for positive inputs."),
                activation("sigmoid", "Sigmoid",
                        "1 / (1 + e^-x): squashes values into (0, 1). Use it for a yes/no output or a gate; deep stacks of "
                                + "it learn slowly because its gradient is at most 0.25."),
                activation("tanh", "Tanh",
                        "tanh(x): squashes values into (-1, 1), centred on zero. Common in recurrent nets and small MLPs."),
                activation("softmax", "Softmax",
                        "e^(x_i/T) / Σ e^(x_j/T) over the last axis: turns scores into probabilities that sum to 1. Put "
                                + "it last in a classifier; cross-entropy training works on the scores before it. "
                                + "Temperature T = 1 is the plain softmax.",
                        new DoubleParam("temperature", "Temperature", 1.0, 0.01, 100.0,
                                "Scores are divided by it first: above 1 evens the probabilities out, below 1 sharpens them.")),
                activation("leaky_relu", "Leaky ReLU",
                        "x for positives, slope·x for negatives, so units never go fully silent. Used in GAN "
                                + "discriminators with a slope of 0.2; 0.01 elsewhere.",
                        new DoubleParam("slope", "Slope", 0.01, 0.0, 1.0, "Gradient for negative inputs.")),
                new LayerSpec("prelu", "PReLU", LayerFamily.ACTIVATION,
                        "Leaky ReLU whose negative slope is learned (starting at 0.25): one slope shared by all "
                                + "values, or one per channel (axis 0). Helps deep conv nets at almost no cost.",
                        List.of(new BoolParam("per_channel", "Per channel", false,
                                "Learn one slope for each channel instead of one for the whole layer.")),
                        Ports.single(), Ports.OUT, ActivationLayers::prelu),
                activation("elu", "ELU",
                        "x for positives, alpha·(e^x − 1) for negatives: smooth, and its mean output stays near zero. "
                                + "alpha = 1 is the usual setting.",
                        new DoubleParam("alpha", "Alpha", 1.0, 0.0, 100.0, "Value approached for very negative inputs (−alpha).")),
                activation("selu", "SELU",
                        "A scaled ELU with fixed constants (λ ≈ 1.0507, α ≈ 1.6733) that keeps activations near mean 0 "
                                + "and variance 1 through deep plain MLPs; pair it with normal initialization."),
                activation("gelu", "GELU",
                        "x·Φ(x), with Φ the normal distribution's CDF: a smooth ReLU that weighs inputs by how "
                                + "likely they are positive. The standard choice inside Transformers."),
                activation("silu", "SiLU / Swish",
                        "x·sigmoid(x): smooth, slightly negative for small negative inputs. Used in EfficientNet "
                                + "and modern conv nets and diffusion models."),
                activation("log_softmax", "LogSoftmax",
                        "log of the softmax over the last axis, computed stably: log-probabilities. Use it before a "
                                + "negative log-likelihood loss or to read a model's log-probabilities."));
    }

    private static LayerSpec activation(String id, String name, String explanation, ParamSpec... params) {
        return new LayerSpec(id, name, LayerFamily.ACTIVATION, explanation, List.of(params), Ports.single(), Ports.OUT,
                (p, in) -> LayerOutput.of(in.get(0)));
    }

    private static LayerOutput prelu(LayerParams p, List<Shape> in) {
        Shape x = in.get(0);
        if (p.getBool("per_channel") && x.rank() < 1) {
            throw new ShapeMismatch("needs a channel axis for one slope per channel, but got a scalar");
        }
        return LayerOutput.of(x, p.getBool("per_channel") ? x.dim(0) : 1, 0);
    }
}
