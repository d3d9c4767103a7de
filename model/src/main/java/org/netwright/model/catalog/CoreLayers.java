package org.netwright.model.catalog;

import java.util.ArrayList;
import java.util.List;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeMismatch;

/** Dense, Flatten and Dropout: the layers nearly every network uses. */
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
                        Ports.single(), Ports.OUT, (p, in) -> LayerOutput.of(in.get(0))));
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
