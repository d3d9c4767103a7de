package org.netwright.runner.cli;

import org.netwright.model.run.FinalMetrics;
import org.netwright.model.run.RunEvent;

import java.io.PrintStream;
import java.util.Locale;
import org.netwright.runner.run.RunListener;

/** {@code train} without {@code --json}: one readable line per epoch and a closing summary. */
final class TextReport implements RunListener {
    private final PrintStream out;
    private int epochs;

    TextReport(PrintStream out) {
        this.out = out;
    }

    @Override
    public void started(RunEvent.Started e) {
        epochs = e.epochs();
        out.println("Training on " + e.device() + ": " + e.epochs() + " epochs of " + e.stepsPerEpoch() + " steps");
    }

    @Override
    public void epoch(RunEvent.Epoch e) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d  train_loss %.4f", e.epoch(),
                epochs, e.trainLoss()));
        if (e.valLoss() != null) {
            line.append(String.format(Locale.ROOT, "  val_loss %.4f", e.valLoss()));
        }
        if (e.valAccuracy() != null) {
            line.append(String.format(Locale.ROOT, "  val_accuracy %.4f", e.valAccuracy()));
        }
        line.append(String.format(Locale.ROOT, "  %.1f s", e.seconds()));
        out.println(line);
        for (org.netwright.model.run.RunWarning w : e.warnings()) {
            out.println("  warning: " + Cli.oneLine(w.message()));
        }
    }

    @Override
    public void finished(RunEvent.Finished e) {
        FinalMetrics m = e.metrics();
        StringBuilder line = new StringBuilder("Run " + e.status() + " after " + m.epochs() + " epoch(s), " + m.steps()
                + " steps");
        if (m.testLoss() != null) {
            line.append(String.format(Locale.ROOT, "; test_loss %.4f", m.testLoss()));
        }
        if (m.testAccuracy() != null) {
            line.append(String.format(Locale.ROOT, "  test_accuracy %.4f", m.testAccuracy()));
        }
        out.println(line);
    }
}
