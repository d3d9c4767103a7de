package org.netwright.model.json;

/** Text that is not training settings this version of Netwright can read; the message says what is wrong and where. */
public class SettingsFormatException extends RuntimeException {
    public SettingsFormatException(String message) {
        super(message);
    }

    public SettingsFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
