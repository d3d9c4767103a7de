package org.netwright.runner.cli;

import java.io.PrintStream;
import org.netwright.runner.run.RunEvent;
import org.netwright.runner.run.RunEventJson;
import org.netwright.runner.run.RunListener;

/** {@code train --events}: every run event as one JSON line, flushed at once so the app sees it live. */
final class EventStream implements RunListener {
    private final PrintStream out;

    EventStream(PrintStream out) {
        this.out = out;
    }

    @Override
    public void on(RunEvent event) {
        out.println(RunEventJson.line(event));
        out.flush();
    }
}
