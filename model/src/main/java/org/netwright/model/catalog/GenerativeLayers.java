package org.netwright.model.catalog;

import java.util.List;
import org.netwright.model.shape.LayerOutput;
import org.netwright.model.shape.Shape;
import org.netwright.model.shape.ShapeMismatch;

/** Blocks that generative models need inside the network, e.g. the VAE's sampling step. */
final class GenerativeLayers {
    private GenerativeLayers() {
    }

    static List<LayerSpec> all() {
        return List.of(
                new LayerSpec("sampling", "Sampling (VAE)", LayerFamily.GENERATIVE,
                        "The VAE reparameterization: draws z = mu + exp(0.5·log_var)·eps with eps from N(0, 1) while "
                                + "training, so gradients reach mu and log_var, and passes z = mu at inference. Feed it two "
                                + "Dense heads of the latent size (e.g. 2 to 32) from the encoder.",
                        List.of(), p -> List.of("mu", "log_var"), Ports.OUT, GenerativeLayers::sampling));
    }

    private static LayerOutput sampling(LayerParams p, List<Shape> in) {
        Shape mu = in.get(0);
        Shape logVar = in.get(1);
        if (!mu.equals(logVar)) {
            throw new ShapeMismatch("expects mu and log_var of one shape, but mu is " + mu.describe()
                    + " and log_var is " + logVar.describe());
        }
        // One multiply-add per latent value: mu + sigma * eps.
        return LayerOutput.of(mu, 0, mu.size());
    }
}
