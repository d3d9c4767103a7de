package org.netwright.model.task;

/** The data and the network do not make a task, or an edited task does not fit them; the message says why. */
public final class TaskException extends RuntimeException {
    public TaskException(String message) {
        super(message);
    }
}
