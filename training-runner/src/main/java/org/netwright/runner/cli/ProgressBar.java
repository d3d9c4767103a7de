package org.netwright.runner.cli;

import org.netwright.model.run.RunEvent;

import java.io.PrintStream;
import java.util.Locale;
import org.netwright.runner.run.RunListener;

/** A one-line progress bar with loss and ETA, redrawn in place on a terminal at most ten times a second. */
final class ProgressBar implements RunListener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream err;
    private long totalSteps;
    private int epochs;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public void started(RunEvent.Started e) {
        totalSteps = (long) e.epochs() * e.stepsPerEpoch();
        epochs = e.epochs();
    }

    @Override
    public void step(RunEvent.Step e) {
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && e.step() < totalSteps) {
            return;
        }
        lastDraw = now;
        double done = totalSteps == 0 ? 1 : (double) e.step() / totalSteps;
        int filled = (int) Math.round(done * WIDTH);
        double eta = done > 0 ? e.seconds() * (1 - done) / done : 0;
        err.print(String.format(Locale.ROOT, "\r[%s%s] %3d%%  epoch %d/%d  loss %.4f  ETA %s ",
                "#".repeat(filled), ".".repeat(WIDTH - filled), Math.round(done * 100), e.epoch(), epochs,
                e.trainLoss(), clock(eta)));
        err.flush();
        drawn = true;
    }

    @Override
    public void epoch(RunEvent.Epoch e) {
        clear();
    }

    @Override
    public void finished(RunEvent.Finished e) {
        clear();
    }

    @Override
    public void failed(RunEvent.Failed e) {
        clear();
    }

    /** Wipes the bar so that the next normal line starts clean. */
    private void clear() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            err.flush();
            drawn = false;
        }
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
