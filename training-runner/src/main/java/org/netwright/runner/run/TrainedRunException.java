package org.netwright.runner.run;

/** A stored run that cannot be used (no such run, no checkpoint, unreadable settings): one sentence for the user. */
public final class TrainedRunException extends RuntimeException {
    public TrainedRunException(String message) {
        super(message);
    }
}
