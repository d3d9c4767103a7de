package org.netwright.runner.data;

/** A data file that cannot be read as training data; the message names the file and what is wrong. */
public class DataFileException extends RuntimeException {
    public DataFileException(String message) {
        super(message);
    }
}
