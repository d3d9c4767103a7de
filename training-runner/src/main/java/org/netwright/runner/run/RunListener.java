package org.netwright.runner.run;

import org.netwright.model.run.RunEvent;

/** Receives a run's events on the training thread; keep each call short and hand slow work to another thread. */
public interface RunListener {
    default void started(RunEvent.Started event) {
    }

    default void step(RunEvent.Step event) {
    }

    default void epoch(RunEvent.Epoch event) {
    }

    /** A generative run's grid of samples from fixed noise, after an epoch. */
    default void samples(RunEvent.Samples event) {
    }

    default void finished(RunEvent.Finished event) {
    }

    default void failed(RunEvent.Failed event) {
    }

    /** Called with the trained weights in the checkpoint format after each epoch and once more at the end when they changed. */
    default void checkpoint(int epoch, byte[] weights) {
    }

    /** Routes an event to the method for its kind. */
    default void on(RunEvent event) {
        // Java 17 has no pattern switch (it is a preview there), hence the instanceof chain.
        if (event instanceof RunEvent.Started e) {
            started(e);
        } else if (event instanceof RunEvent.Step e) {
            step(e);
        } else if (event instanceof RunEvent.Epoch e) {
            epoch(e);
        } else if (event instanceof RunEvent.Samples e) {
            samples(e);
        } else if (event instanceof RunEvent.Finished e) {
            finished(e);
        } else if (event instanceof RunEvent.Failed e) {
            failed(e);
        }
    }
}
