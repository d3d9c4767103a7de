package org.netwright.runner.compile;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.Map;
import java.util.stream.IntStream;
import org.netwright.runner.nd.Scalars;

/** Blocks for generative models: the VAE's reparameterized sampling and the KL term its loss needs. */
public final class GenerativeOps {
    private GenerativeOps() {
    }

    static void register(Map<String, LayerImplementation> into) {
        into.put("sampling", LayerImplementation.stateless(p -> (store, in, training, params) ->
                new NDList(training ? sample(in.get(0), in.get(1)) : in.get(0))));
    }

    /** z = mu + exp(0.5·log_var)·eps with eps ~ N(0, 1): random only through eps, so gradients reach mu and log_var. */
    static NDArray sample(NDArray mu, NDArray logVar) {
        NDArray eps = mu.getManager().randomNormal(mu.getShape(), mu.getDataType());
        return mu.add(Scalars.mul(logVar, 0.5).exp().mul(eps));
    }

    /**
     * The KL divergence of N(mu, exp(log_var)) from N(0, 1) per sample,
     * −0.5·Σ(1 + log_var − mu² − exp(log_var)) over every axis but the batch axis; shape (B).
     */
    public static NDArray klDivergence(NDArray mu, NDArray logVar) {
        int[] axes = IntStream.range(1, mu.getShape().dimension()).toArray();
        return Scalars.mul(logVar.add(1f).sub(mu.square()).sub(logVar.exp()).sum(axes), -0.5);
    }
}
