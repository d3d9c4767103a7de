package org.netwright.model.catalog;

import java.util.ArrayList;
import java.util.List;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeMismatch;

/** Dense, Flatten, Dropout and Embedding: the layers nearly every network uses. */
final class CoreLayers {
    private CoreLayers() {
    }

    static List<LayerSpec> all() {
        return List.of(
                new LayerSpec("dense", "Dense", LayerFamily.CORE,
                        "A fully connected layer: every output is a weighted sum of all inputs plus a bias, y = xW + b. "
                                + "It acts on the last axis. Use it for classifier heads and MLPs; 64 to 512 units is typical.",
                        List.of(new IntParam("units", "Units", 64, 1, 1_000_000, "Number of outputs."),
                                new BoolParam("bias", "Bias", true, "Add a learned offset b to every output.")),
                        Ports.single(), Ports.OUT, CoreLayers::dense),
                new LayerSpec("flatten", "Flatten", LayerFamily.CORE,
                        "Unrolls each sample into one long vector, e.g. 16×5×5 feature maps into 400 numbers, "
                                + "so that Dense layers can follow convolutions. It has no parameters.",
                        List.of(), Ports.single(), Ports.OUT,
                        (p, in) -> LayerOutput.of(Shape.of(Math.toIntExact(in.get(0).size())))),
                new LayerSpec("dropout", "Dropout", LayerFamily.CORE,
                        "During training, zeroes each value with probability p and scales the rest by 1/(1-p); "
                                + "at inference it passes values through. It fights overfitting; p = 0.2 to 0.5 is typical.",
                        List.of(new DoubleParam("rate", "Rate p", 0.5, 0.0, 0.99, "Probability of dropping a value.")),
                        Ports.single(), Ports.OUT, (p, in) -> LayerOutput.of(in.get(0))),
                new LayerSpec("embedding", "Embedding", LayerFamily.CORE,
                        "Looks up a learned vector of D numbers for each token id, turning T ids into a sequence "
                                + "T×D that recurrent and attention layers can read. 10,000 words of dimension 64 to 300 "
                                + "is typical; rows of the padding id stay zero.",
                        List.of(new IntParam("vocabulary", "Vocabulary", 1000, 2, 10_000_000,
                                        "Number of rows; every id must be below it."),
                                new IntParam("dimension", "Dimension", 32, 1, 65536, "Numbers D per token."),
                                new IntParam("padding_id", "Padding id", -1, -1, 10_000_000,
                                        "Id whose vector is always zero and never learned; -1 for none."),
                                new BoolParam("trainable", "Trainable", true,
                                        "Off keeps the vectors as they are, e.g. pretrained ones.")),
                        Ports.single(), Ports.OUT, CoreLayers::embedding));
    }

    private static LayerOutput embedding(LayerParams p, List<Shape> in) {
        Shape x = in.get(0);
        if (x.rank() != 1) {
            throw new ShapeMismatch("expects token ids (T), e.g. from a Token input, but got " + x.describe());
        }
        int vocabulary = p.getInt("vocabulary");
        if (p.getInt("padding_id") >= vocabulary) {
            throw new IllegalArgumentException("the padding id " + p.getInt("padding_id")
                    + " must be below the vocabulary size " + vocabulary);
        }
        int d = p.getInt("dimension");
        return LayerOutput.of(Shape.of(x.dim(0), d), (long) vocabulary * d, 0);
    }

    private static LayerOutput dense(LayerParams p, List<Shape> in) {
        Shape x = in.get(0);
        int units = p.getInt("units");
        long features = x.dim(-1);
        List<Integer> dims = new ArrayList<>(x.dims());
        dims.set(dims.size() - 1, units);
        long rows = x.size() / features;
        if (x.rank() > 2) {
            throw new ShapeMismatch("expects a vector (F) or a sequence (T×F), but got " + x.describe()
                    + "; put a Flatten before it");
        }
        long params = features * units + (p.getBool("bias") ? units : 0);
        return LayerOutput.of(new Shape(dims), params, rows * features * units);
    }
}
