package org.netwright.runner.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.netwright.runner.nd.Scalars;

/**
 * Our losses, each a DJL {@link Loss} averaged over the batch, by name. With {@code p} the
 * prediction, {@code y} the target, and for the class losses {@code z} the logits over the last axis
 * ({@code C} classes) and {@code k} the target class id (shape of {@code z} without its last axis, or
 * with a last axis of 1; float or integer):
 * <ul>
 * <li>{@code mse}: mean of {@code (p - y)^2} over all elements (not DJL's half).</li>
 * <li>{@code mae}: mean of {@code |p - y|}.</li>
 * <li>{@code huber} ({@code delta}, default 1): mean of {@code d^2/2} where {@code |d| <= delta},
 * else {@code delta * (|d| - delta/2)}, with {@code d = p - y} (PyTorch's HuberLoss).</li>
 * <li>{@code bce_with_logits}: mean of {@code max(z,0) - z*y + log(1 + exp(-|z|))}, targets in [0, 1].</li>
 * <li>{@code cross_entropy} ({@code label_smoothing} e, default 0): mean over samples of
 * {@code -sum_c q_c log_softmax(z)_c} with {@code q = (1-e) onehot(k) + e/C} (PyTorch's).</li>
 * <li>{@code focal} ({@code gamma}, default 2; {@code alpha}, default 1): mean over samples of
 * {@code -alpha (1 - p_k)^gamma log p_k} with {@code p = softmax(z)}; gamma 0 and alpha 1 give
 * cross-entropy.</li>
 * <li>{@code kl}: KL(target || prediction) with the target a probability distribution over the last
 * axis and the prediction logits: mean over samples of {@code sum_c y_c (log y_c - log_softmax(z)_c)},
 * terms with {@code y_c = 0} counting 0 (PyTorch's {@code kl_div(log_softmax(z), y, 'batchmean')}).</li>
 * </ul>
 */
public final class Losses {
    private static final Map<String, Map<String, Double>> DEFAULTS = defaultsTable();

    private Losses() {
    }

    /** The loss names, in the order menus show them. */
    public static List<String> names() {
        return List.copyOf(DEFAULTS.keySet());
    }

    /** Every parameter a loss takes, with its default; empty for an unknown name or a loss without any. */
    public static Map<String, Double> defaults(String name) {
        return DEFAULTS.getOrDefault(name, Map.of());
    }

    /** The loss {@code name} with {@code params} (missing ones at their defaults); throws IllegalArgumentException when either is wrong. */
    public static Loss create(String name, Map<String, Double> params) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (!DEFAULTS.containsKey(key)) {
            throw new IllegalArgumentException("Unknown loss '" + name + "'; choose " + String.join(", ", names()) + ".");
        }
        Map<String, Double> allowed = DEFAULTS.get(key);
        Map<String, Double> values = new LinkedHashMap<>(allowed);
        for (Map.Entry<String, Double> p : params.entrySet()) {
            if (!allowed.containsKey(p.getKey())) {
                throw new IllegalArgumentException("The loss '" + key + "' has no parameter '" + p.getKey() + "'"
                        + (allowed.isEmpty() ? "." : "; it takes " + String.join(", ", allowed.keySet()) + "."));
            }
            if (p.getValue() == null || !Double.isFinite(p.getValue())) {
                throw new IllegalArgumentException("The " + p.getKey() + " of the loss '" + key
                        + "' must be a finite number, not " + p.getValue() + ".");
            }
            values.put(p.getKey(), p.getValue());
        }
        return switch (key) {
            case "mse" -> new MeanSquared();
            case "mae" -> new MeanAbsolute();
            case "huber" -> new Huber((float) check(key, "delta", values.get("delta"), 0, false, Double.MAX_VALUE));
            case "bce_with_logits" -> new BinaryCrossEntropy();
            case "cross_entropy" -> new CrossEntropy((float) check(key, "label_smoothing",
                    values.get("label_smoothing"), 0, true, 1));
            case "focal" -> new Focal((float) check(key, "gamma", values.get("gamma"), 0, true, Double.MAX_VALUE),
                    (float) check(key, "alpha", values.get("alpha"), 0, false, Double.MAX_VALUE));
            case "kl" -> new KlDivergence();
            default -> throw new IllegalArgumentException("Unknown loss '" + name + "'.");
        };
    }

    /** {@code value} if it lies in the range ({@code low} included when asked, {@code high} excluded), else an error. */
    private static double check(String loss, String key, double value, double low, boolean lowIncluded, double high) {
        if (value < low || (!lowIncluded && value == low) || value >= high) {
            String range = (lowIncluded ? "at least " : "above ") + Schedules.num(low)
                    + (high == Double.MAX_VALUE ? "" : " and below " + Schedules.num(high));
            throw new IllegalArgumentException("The " + key + " of the loss '" + loss + "' must be " + range + ", not "
                    + Schedules.num(value) + ".");
        }
        return value;
    }

    private static Map<String, Map<String, Double>> defaultsTable() {
        Map<String, Map<String, Double>> t = new LinkedHashMap<>();
        t.put("mse", Map.of());
        t.put("mae", Map.of());
        t.put("huber", Map.of("delta", 1.0));
        t.put("bce_with_logits", Map.of());
        t.put("cross_entropy", Map.of("label_smoothing", 0.0));
        Map<String, Double> focal = new LinkedHashMap<>();
        focal.put("gamma", 2.0);
        focal.put("alpha", 1.0);
        t.put("focal", java.util.Collections.unmodifiableMap(focal));
        t.put("kl", Map.of());
        return java.util.Collections.unmodifiableMap(t);
    }

    /** The target as float, in the prediction's shape where they hold the same number of values. */
    private static NDArray target(NDList labels, NDArray prediction) {
        NDArray y = labels.singletonOrThrow().toType(DataType.FLOAT32, false);
        if (!y.getShape().equals(prediction.getShape()) && y.size() == prediction.size()) {
            y = y.reshape(prediction.getShape());
        }
        return y;
    }

    /** One-hot rows for the class ids in {@code labels}, shaped like {@code logits}. */
    private static NDArray oneHot(NDList labels, NDArray logits) {
        Shape shape = logits.getShape();
        long classes = shape.get(shape.dimension() - 1);
        NDArray k = labels.singletonOrThrow();
        Shape rows = shape.slice(0, shape.dimension() - 1);
        if (k.size() != rows.size()) {
            throw new IllegalArgumentException("The loss needs one class id per row of " + shape + " scores, but the"
                    + " targets are " + k.getShape() + ".");
        }
        NDArray ids = k.toType(DataType.FLOAT32, false).reshape(rows).expandDims(-1);
        return ids.eq(logits.getManager().arange(0f, classes, 1f)).toType(DataType.FLOAT32, false);
    }

    /** The number of rows (samples, or positions in a sequence) the class losses average over. */
    private static long rows(NDArray logits) {
        Shape shape = logits.getShape();
        return shape.size() / shape.get(shape.dimension() - 1);
    }

    private static final class MeanSquared extends Loss {
        MeanSquared() {
            super("mse");
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray p = predictions.singletonOrThrow();
            return p.sub(target(labels, p)).square().mean();
        }
    }

    private static final class MeanAbsolute extends Loss {
        MeanAbsolute() {
            super("mae");
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray p = predictions.singletonOrThrow();
            return p.sub(target(labels, p)).abs().mean();
        }
    }

    private static final class Huber extends Loss {
        private final float delta;

        Huber(float delta) {
            super("huber");
            this.delta = delta;
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray p = predictions.singletonOrThrow();
            NDArray d = p.sub(target(labels, p)).abs();
            // min(|d|, delta) splits each error into its quadratic and its linear part.
            NDArray quadratic = Scalars.minimum(d, delta);
            NDArray linear = d.sub(quadratic);
            return Scalars.mul(quadratic.square(), 0.5).add(Scalars.mul(linear, delta)).mean();
        }
    }

    private static final class BinaryCrossEntropy extends Loss {
        BinaryCrossEntropy() {
            super("bce_with_logits");
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray z = predictions.singletonOrThrow();
            NDArray y = target(labels, z);
            // The stable form: no exp of a large positive number.
            return Scalars.maximum(z, 0).sub(z.mul(y)).add(z.abs().neg().exp().add(1f).log()).mean();
        }
    }

    private static final class CrossEntropy extends Loss {
        private final float smoothing;

        CrossEntropy(float smoothing) {
            super("cross_entropy");
            this.smoothing = smoothing;
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray z = predictions.singletonOrThrow();
            NDArray logP = z.logSoftmax(-1);
            long classes = z.getShape().get(z.getShape().dimension() - 1);
            NDArray k = labels.singletonOrThrow();
            if (smoothing == 0 && z.getShape().dimension() == 2 && k.size() == z.getShape().get(0)) {
                // Rows of scores and one id each: pick the true class's log-probability (one gather) instead of
                // building one-hot rows; the same number in a third of the native calls.
                NDArray ids = k.toType(DataType.INT64, false);
                // DJL's pick gathers with a column of ids (B×1) and reshapes anything else into one: a column is
                // used as it is, other shapes (a row, a sequence's B×T ids) take the one reshape here.
                Shape idShape = ids.getShape();
                if (idShape.dimension() != 2 || idShape.get(1) != 1) {
                    ids = ids.reshape(z.getShape().get(0), 1);
                }
                return logP.get(new ai.djl.ndarray.index.NDIndex().addAllDim().addPickDim(ids)).mean().neg();
            }
            NDArray q = oneHot(labels, z);
            if (smoothing > 0) {
                q = q.mul(1 - smoothing).add(smoothing / classes);
            }
            return Scalars.div(logP.mul(q).sum().neg(), rows(z));
        }
    }

    private static final class Focal extends Loss {
        private final float gamma;
        private final float alpha;

        Focal(float gamma, float alpha) {
            super("focal");
            this.gamma = gamma;
            this.alpha = alpha;
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray z = predictions.singletonOrThrow();
            NDArray logPt = z.logSoftmax(-1).mul(oneHot(labels, z)).sum(new int[] {-1});
            NDArray weight = Scalars.pow(logPt.exp().neg().add(1f), gamma);
            return Scalars.mul(weight.mul(logPt).sum(), -alpha / rows(z));
        }
    }

    private static final class KlDivergence extends Loss {
        KlDivergence() {
            super("kl");
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray z = predictions.singletonOrThrow();
            NDArray y = target(labels, z);
            // y log y with 0 log 0 = 0: log of max(y, tiny) is finite and is multiplied by y = 0.
            NDArray yLogY = y.mul(y.maximum(Float.MIN_NORMAL).log());
            return Scalars.div(yLogY.sub(y.mul(z.logSoftmax(-1))).sum(), rows(z));
        }
    }
}
