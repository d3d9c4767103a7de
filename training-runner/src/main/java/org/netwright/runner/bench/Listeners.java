package org.netwright.runner.bench;

import java.util.List;
import org.netwright.runner.run.RunListener;

/** The per-step listeners a real run has (the event stream, the project recorder), made afresh for one timed run. */
public interface Listeners extends AutoCloseable {
    /** The listeners to add to the run. */
    List<RunListener> listeners();

    /** Ends what the listeners started (a writer thread, a project file). */
    @Override
    void close();
}
