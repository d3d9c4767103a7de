package org.netwright.runner.run;

import org.netwright.model.run.RunEvent;

import org.netwright.model.settings.TrainingOptions;

/**
 * Watches one epoch metric ({@code val_loss} by default; a metric whose name ends in accuracy or r2 counts as
 * better when higher) and says when it has not improved for {@code patience} epochs, keeping the best epoch's
 * weights for restore-best.
 */
final class EarlyStopping {
    private final int patience;
    private final String monitor;
    private int bestEpoch;
    private double best = Double.NaN;
    private int sinceBest;
    private byte[] bestWeights;

    EarlyStopping(TrainingOptions options) {
        this.patience = options.patience();
        this.monitor = options.monitor();
    }

    /** Records an epoch; true when it is the best so far. */
    boolean observe(RunEvent.Epoch e) {
        Double value = value(e);
        if (value == null || !Double.isFinite(value)) {
            sinceBest++;
            return false;
        }
        boolean higherIsBetter = monitor.endsWith("accuracy") || monitor.endsWith("r2");
        boolean better = Double.isNaN(best) || (higherIsBetter ? value > best : value < best);
        if (better) {
            best = value;
            bestEpoch = e.epoch();
            sinceBest = 0;
        } else {
            sinceBest++;
        }
        return better;
    }

    private Double value(RunEvent.Epoch e) {
        if (monitor.equals("val_loss")) {
            return e.valLoss() != null ? e.valLoss() : e.trainLoss();
        }
        if (monitor.equals("train_loss")) {
            return e.trainLoss();
        }
        return e.metrics().get(monitor);
    }

    /** True when patience is set and the monitored value has not improved for that many epochs. */
    boolean shouldStop() {
        return patience > 0 && sinceBest >= patience;
    }

    void keep(byte[] weights) {
        bestWeights = weights;
    }

    byte[] bestWeights() {
        return bestWeights;
    }

    /** The best epoch so far, 0 before any. */
    int bestEpoch() {
        return bestEpoch;
    }
}
