package org.netwright.runner.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import org.netwright.runner.nd.Scalars;

/**
 * Softmax cross-entropy over the nodes of a graph that carry a label: predictions B×N×C, labels B×N holding
 * a class id for a training node and −1 for a node the loss must not see (validation, test, padding).
 * The mean runs over the labelled nodes only, so hidden nodes neither add loss nor dilute it.
 */
public final class MaskedNodeLoss extends Loss {
    /** Named {@code cross_entropy}: to the user it is the cross-entropy the settings chose, over labelled nodes. */
    public MaskedNodeLoss() {
        super("cross_entropy");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        NDArray label = labels.singletonOrThrow();
        long classes = logits.getShape().get(logits.getShape().dimension() - 1);
        // One-hot by comparison: a −1 label matches no class, so its row is all zeros.
        NDArray oneHot = label.expandDims(-1).eq(logits.getManager().arange(0f, classes, 1f)).toType(DataType.FLOAT32, false);
        NDArray nll = logits.logSoftmax(-1).mul(oneHot).sum(new int[] {-1}).neg();
        NDArray count = label.gte(0).toType(DataType.FLOAT32, false).sum();
        return nll.sum().div(count.maximum(1f));
    }

    /**
     * The same loss for labels known before the step: {@code oneHot} B×N×C with a row of zeros for every hidden
     * node, and the number of labelled nodes. Half the ops the −1-coded labels take, with the same result
     * bit for bit: the minus sign moves into the divisor, and a sum of negated values is the negated sum exactly
     * (rounding to nearest is symmetric), as is a quotient.
     */
    public NDArray evaluate(NDArray logits, NDArray oneHot, int labelled) {
        NDArray picked = logits.logSoftmax(-1).mul(oneHot).sum(new int[] {-1});
        return Scalars.div(picked.sum(), -Math.max(1, labelled));
    }
}
