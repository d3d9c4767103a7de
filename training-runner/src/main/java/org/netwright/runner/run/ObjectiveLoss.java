package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.netwright.model.task.DataField;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import org.netwright.runner.optim.Losses;

/**
 * One objective's loss as a function of the network's output and the target, shaped for the loss: class ids
 * stay ids for cross-entropy and focal and become one-hot rows for the others; token scores B×T×V are seen as
 * B·T rows; values are compared number by number. The arithmetic is {@link Losses}'.
 */
final class ObjectiveLoss {
    private final String name;
    private final Map<String, Double> params;
    private final DataField target;
    private final Loss loss;

    /** Throws IllegalArgumentException naming the loss and the bad parameter. */
    ObjectiveLoss(String spec, DataField target) {
        int colon = spec.indexOf(':');
        this.name = colon < 0 ? spec : spec.substring(0, colon);
        this.params = colon < 0 ? Map.of() : parseParams(spec.substring(colon + 1), spec);
        this.target = target;
        Map<String, Double> p = new LinkedHashMap<>(params);
        // "smoothing" is the short form users type for cross-entropy's label smoothing.
        Double smoothing = p.remove("smoothing");
        if (smoothing != null) {
            p.put("label_smoothing", smoothing);
        }
        this.loss = Losses.create(name, p);
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
        return org.netwright.model.task.Losses.takesClassIds(name) || name.equals("kl");
    }

    /**
     * The mean loss of a batch: {@code output} B×..., {@code target} the batch's target field values. The arithmetic
     * is {@link Losses}'; this class only shapes what reaches it.
     */
    NDArray apply(NDArray output, NDArray target) {
        return switch (this.target.kind()) {
            case CLASS_ID, TOKEN_IDS -> classes(output, target);
            default -> loss.evaluate(new NDList(target), new NDList(sameShape(output, target)));
        };
    }

    /** {@code output} in the target's shape; itself when it has it already (a reshape is an op per step). */
    private static NDArray sameShape(NDArray output, NDArray target) {
        return output.getShape().equals(target.getShape()) ? output : output.reshape(target.getShape());
    }

    private NDArray classes(NDArray output, NDArray ids) {
        long k = output.getShape().get(output.getShape().dimension() - 1);
        // Rows of scores and a row of ids already (a classifier's batch) are used as they are: a reshape is a
        // native call per step, and one more node in the backward graph for the scores.
        NDArray scores = output.getShape().dimension() == 2 ? output : output.reshape(-1, k);
        if (takesClassIdsDirectly()) {
            // These losses take the ids in any shape holding one per row of scores: a classifier's column of ids
            // (B×1) then reaches DJL's pick as the column it gathers with, where flattening it here cost a reshape
            // and pick a second one back.
            return loss.evaluate(new NDList(ids), new NDList(scores));
        }
        NDArray flatIds = ids.getShape().dimension() == 1 ? ids : ids.reshape(-1);
        // mse, mae, huber, bce_with_logits and kl compare with one-hot rows (kl: the one-hot distribution).
        NDArray oneHot = flatIds.toType(DataType.INT64, false).oneHot((int) k).toType(DataType.FLOAT32, false);
        return loss.evaluate(new NDList(oneHot), new NDList(scores));
    }

    private boolean takesClassIdsDirectly() {
        return name.equals("cross_entropy") || name.equals("focal");
    }
}
