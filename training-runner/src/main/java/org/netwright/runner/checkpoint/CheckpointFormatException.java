package org.netwright.runner.checkpoint;

/** Bytes that are not a Netwright checkpoint, or a damaged one. */
public class CheckpointFormatException extends RuntimeException {
    public CheckpointFormatException(String message) {
        super(message);
    }
}
