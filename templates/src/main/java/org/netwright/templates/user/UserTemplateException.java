package org.netwright.templates.user;

/** A user template that cannot be saved, read or removed; the message says what and where in one sentence. */
public class UserTemplateException extends RuntimeException {
    public UserTemplateException(String message) {
        super(message);
    }

    public UserTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
