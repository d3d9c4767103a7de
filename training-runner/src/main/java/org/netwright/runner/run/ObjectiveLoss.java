package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netwright.model.task.DataField;
import org.netwright.model.task.Losses;

/**
 * One objective's loss as a function of the network's output and the target, shaped for the loss: class ids
 * stay ids for cross-entropy and focal and become one-hot rows for the others; token scores B×T×V are seen as
 * B·T rows; values are compared number by number.
 */
final class ObjectiveLoss {
    private final String name;
    private final Map<String, Double> params;
    private final DataField target;

    ObjectiveLoss(String spec, DataField target) {
        int colon = spec.indexOf(':');
        this.name = colon < 0 ? spec : spec.substring(0, colon);
        this.params = colon < 0 ? Map.of() : parseParams(spec.substring(colon + 1), spec);
        this.target = target;
    }

    String name() {
        return name;
    }

    /** {@code delta=0.5,gamma=2} as numbers; throws IllegalArgumentException naming the bad part. */
    static Map<String, Double> parseParams(String text, String spec) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            try {
                out.put(kv[0].trim(), Double.parseDouble(kv[1].trim()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("The loss '" + spec + "' has a part '" + part
                        + "' that is not NAME=NUMBER.");
            }
        }
        return out;
    }

    /** Whether the output should reach this loss as raw scores (the loss applies log-softmax itself). */
    boolean takesLogits() {
        return Losses.takesClassIds(name) || name.equals("kl");
    }

    /** The mean loss of a batch: {@code output} B×..., {@code targetValues} the batch's target field values. */
    NDArray apply(NDArray output, NDArray target) {
        return switch (this.target.kind()) {
            case CLASS_ID, TOKEN_IDS -> classes(output, target);
            default -> values(output.reshape(target.getShape()), target);
        };
    }

    private NDArray classes(NDArray output, NDArray ids) {
        long k = output.getShape().get(output.getShape().dimension() - 1);
        NDArray scores = output.reshape(-1, k);
        NDArray flatIds = ids.reshape(-1);
        NDArray oneHot = flatIds.toType(DataType.INT64, false).oneHot((int) k);
        switch (name) {
            case "cross_entropy" -> {
                double smoothing = params.getOrDefault("smoothing", params.getOrDefault("label_smoothing", 0.0));
                NDArray logp = scores.logSoftmax(-1);
                NDArray nll = logp.mul(oneHot).sum(new int[] {-1}).neg();
                if (smoothing > 0) {
                    NDArray uniform = logp.mean(new int[] {-1}).neg();
                    nll = nll.mul(1 - smoothing).add(uniform.mul(smoothing));
                }
                return nll.mean();
            }
            case "focal" -> {
                double gamma = params.getOrDefault("gamma", 2.0);
                NDArray logp = scores.logSoftmax(-1).mul(oneHot).sum(new int[] {-1});
                NDArray p = logp.exp();
                return p.neg().add(1).pow(gamma).mul(logp).neg().mean();
            }
            case "kl" -> {
                // KL(one-hot || softmax) equals the cross-entropy of the true class.
                return scores.logSoftmax(-1).mul(oneHot).sum(new int[] {-1}).neg().mean();
            }
            default -> {
                return values(scores, oneHot.toType(DataType.FLOAT32, false));
            }
        }
    }

    private NDArray values(NDArray out, NDArray y) {
        switch (name) {
            case "mse" -> {
                return out.sub(y).square().mean();
            }
            case "mae" -> {
                return out.sub(y).abs().mean();
            }
            case "huber" -> {
                double delta = params.getOrDefault("delta", 1.0);
                NDArray a = out.sub(y).abs();
                NDArray quadratic = a.minimum(delta);
                return quadratic.square().mul(0.5).add(a.sub(quadratic).mul(delta)).mean();
            }
            case "bce_logits" -> {
                // max(x,0) - x*y + log(1 + exp(-|x|)): the stable form of binary cross-entropy on logits.
                return out.maximum(0f).sub(out.mul(y)).add(out.abs().neg().exp().add(1f).log()).mean();
            }
            case "kl" -> {
                NDArray logq = out.logSoftmax(-1);
                NDArray logy = y.maximum(1e-12f).log();
                return y.mul(logy.sub(logq)).sum(new int[] {-1}).mean();
            }
            default -> throw new IllegalArgumentException("The loss " + name + " does not apply to '" + target.name()
                    + "' (" + target.describe() + ").");
        }
    }
}
