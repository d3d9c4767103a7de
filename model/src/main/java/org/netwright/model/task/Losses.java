package org.netwright.model.task;

import java.util.List;
import java.util.Optional;
import org.netwright.model.shape.Shape;

/**
 * Which loss fits which pair of output and target, in one place: the proposal, the check of a user's
 * {@code --loss} and the app's loss menu all ask here. The arithmetic of each loss lives in the runner.
 */
public final class Losses {
    /** Every loss a run can use, by name. */
    public static final List<String> ALL = List.of("cross_entropy", "focal", "mse", "mae", "huber", "bce_with_logits", "kl");

    private Losses() {
    }

    /** True for the losses that compare class scores (logits) with class or token ids. */
    public static boolean takesClassIds(String loss) {
        return loss.equals("cross_entropy") || loss.equals("focal");
    }

    /**
     * Why {@code loss} cannot compare output {@code outputId} (per-sample {@code out}) with the field
     * {@code target}; empty when it can. Class ids also accept mse and bce_with_logits (against one-hot rows) and
     * kl (against a one-hot distribution).
     */
    public static Optional<String> whyNot(String loss, String outputId, Shape out, DataField target) {
        if (!ALL.contains(loss)) {
            return Optional.of("Unknown loss '" + loss + "'; the losses are " + String.join(", ", ALL) + ".");
        }
        if (out == null) {
            return Optional.of("The output layer '" + outputId + "' has no shape yet; fix the graph first.");
        }
        switch (target.kind()) {
            case CLASS_ID -> {
                if (!out.equals(Shape.of(target.classes()))) {
                    return Optional.of(DataMismatch.classesVsOutput(target.classes(), outputId, out));
                }
                return Optional.empty();
            }
            case TOKEN_IDS -> {
                Shape want = Shape.of(target.shape().dim(0), target.classes());
                if (!out.equals(want)) {
                    return Optional.of("The field '" + target.name() + "' holds " + target.shape().dim(0)
                            + " token ids below " + target.classes() + ", so the output layer '" + outputId
                            + "' must give " + want.describe() + " (a score per token id at each position); it gives "
                            + out.describe() + ".");
                }
                if (!takesClassIds(loss)) {
                    return Optional.of("The loss " + loss + " does not compare token scores with token ids; use "
                            + "cross_entropy or focal for '" + target.name() + "'.");
                }
                return Optional.empty();
            }
            case VALUES -> {
                if (takesClassIds(loss)) {
                    return Optional.of("The loss " + loss + " compares class scores with class ids, but '"
                            + target.name() + "' holds real values (" + target.shape().describe()
                            + "); use mse, mae or huber (or bce_with_logits for values between 0 and 1).");
                }
                if (out.size() != target.shape().size()) {
                    return Optional.of("The output layer '" + outputId + "' gives " + out.describe() + " but its target '"
                            + target.name() + "' is " + target.shape().describe() + "; they must hold as many numbers.");
                }
                return Optional.empty();
            }
            default -> {
                return Optional.of("'" + target.name() + "' is random noise, which no output can be trained against.");
            }
        }
    }

    /** The metrics reported for an objective with this loss and target, without prefixes. */
    public static List<String> metricsFor(String loss, DataField target) {
        return switch (target.kind()) {
            case CLASS_ID -> List.of("accuracy");
            case TOKEN_IDS -> loss.equals("cross_entropy") ? List.of("token_accuracy", "perplexity")
                    : List.of("token_accuracy");
            case VALUES -> List.of("mae", "rmse", "r2");
            default -> List.of();
        };
    }

    /** The loss a proposal picks for a target of this kind. */
    public static String defaultFor(DataField target) {
        return target.kind() == DataField.Kind.VALUES ? "mse" : "cross_entropy";
    }
}
