package org.netwright.model.catalog;

import java.util.List;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeMismatch;

/**
 * Batch, layer and group normalization. Each learns a scale and a shift per normalized channel
 * (2 parameters each, as PyTorch counts them); batch norm's running statistics are buffers, not parameters.
 */
final class NormalizationLayers {
    private NormalizationLayers() {
    }

    static List<LayerSpec> all() {
        DoubleParam epsilon = new DoubleParam("epsilon", "Epsilon", 1e-5, 1e-12, 1.0,
                "Added to the variance so that nearly constant inputs do not divide by zero.");
        return List.of(
                new LayerSpec("batch_norm", "Batch normalization", LayerFamily.CORE,
                        "Normalizes each channel (axis 0: the features of a vector, the channels of C×L or C×H×W) "
                                + "to mean 0 and variance 1 over the batch, then scales and shifts it. Speeds up "
                                + "deep nets; put it after a Conv or Dense. At inference it uses running averages.",
                        List.of(new DoubleParam("momentum", "Momentum", 0.1, 0.0, 1.0,
                                        "Weight of the newest batch in the running statistics (PyTorch's convention)."),
                                epsilon),
                        Ports.single(), Ports.OUT, NormalizationLayers::batchNorm),
                new LayerSpec("layer_norm", "Layer normalization", LayerFamily.CORE,
                        "Normalizes the last axis of every sample on its own (each time step of a sequence, say) "
                                + "to mean 0 and variance 1, then scales and shifts it. The norm of Transformers; "
                                + "it does not depend on the batch size.",
                        List.of(epsilon), Ports.single(), Ports.OUT, NormalizationLayers::layerNorm),
                new LayerSpec("group_norm", "Group normalization", LayerFamily.CORE,
                        "Splits the channels of C×H×W (or C×L) into groups and normalizes each group within each "
                                + "sample, then scales and shifts each channel. Works with batches of 1 or 2 where "
                                + "batch norm fails; 32 groups is typical, groups = channels is instance norm.",
                        List.of(new IntParam("groups", "Groups", 2, 1, 65536, "Number of channel groups; must divide C."),
                                epsilon),
                        Ports.single(), Ports.OUT, NormalizationLayers::groupNorm));
    }

    private static LayerOutput batchNorm(LayerParams p, List<Shape> in) {
        Shape x = in.get(0);
        if (x.rank() < 1 || x.rank() > 4) {
            throw new ShapeMismatch("expects a vector (F), a sequence C×L or an image C×H×W, but got " + x.describe());
        }
        return LayerOutput.of(x, 2L * x.dim(0), x.size());
    }

    private static LayerOutput layerNorm(LayerParams p, List<Shape> in) {
        Shape x = in.get(0);
        if (x.rank() < 1) {
            throw new ShapeMismatch("expects at least one axis to normalize, but got a scalar");
        }
        return LayerOutput.of(x, 2L * x.dim(-1), x.size());
    }

    private static LayerOutput groupNorm(LayerParams p, List<Shape> in) {
        Shape x = in.get(0);
        if (x.rank() < 2 || x.rank() > 3) {
            throw new ShapeMismatch("expects channels first, an image C×H×W or a sequence C×L, but got "
                    + x.describe());
        }
        int groups = p.getInt("groups");
        if (x.dim(0) % groups != 0) {
            throw new ShapeMismatch("needs the " + x.dim(0) + " channels of " + x.describe()
                    + " to split evenly into " + groups + " groups");
        }
        return LayerOutput.of(x, 2L * x.dim(0), x.size());
    }
}
