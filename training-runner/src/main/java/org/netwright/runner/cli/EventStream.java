package org.netwright.runner.cli;

import org.netwright.model.run.RunEventJson;
import org.netwright.model.run.RunEvent;

import java.io.PrintStream;
import org.netwright.runner.run.RunListener;

/**
 * {@code train --events}: every run event as one JSON line. Lines other than steps are flushed at once so the
 * app sees them live; step lines are flushed at most every {@link #STEP_FLUSH_NANOS} (and with the next other
 * event), since a flush per step would cost a short step a good part of its time and the app redraws its chart
 * only a few times a second anyway.
 */
final class EventStream implements RunListener {
    static final long STEP_FLUSH_NANOS = 50_000_000L;
    private final PrintStream out;
    private long lastFlush = System.nanoTime();

    /** Writes to {@code target} through its own buffer, so that only this stream's flushes reach the pipe. */
    EventStream(PrintStream target) {
        this.out = new PrintStream(new java.io.BufferedOutputStream(target, 1 << 16), false,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void on(RunEvent event) {
        out.println(RunEventJson.line(event));
        long now = System.nanoTime();
        if (!(event instanceof RunEvent.Step) || event instanceof RunEvent.Step s && s.step() == 1
                || now - lastFlush >= STEP_FLUSH_NANOS) {
            out.flush();
            lastFlush = now;
        }
    }
}
