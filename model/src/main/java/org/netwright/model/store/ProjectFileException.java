package org.netwright.model.store;

/**
 * A project file that cannot be opened, created, read or written; the message says which file and why in a
 * sentence a person can act on. Unchecked because every store call can meet it (a full disk, a file
 * damaged outside the app) and the app handles them all in one place.
 */
public class ProjectFileException extends RuntimeException {
    public ProjectFileException(String message) {
        super(message);
    }

    public ProjectFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
