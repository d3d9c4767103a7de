package org.netwright.runner.export;

/** A trained run that a format cannot express (an op it lacks, named with its node): one sentence for the user. */
public final class ExportException extends RuntimeException {
    public ExportException(String message) {
        super(message);
    }
}
