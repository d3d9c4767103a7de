package org.netwright.runner.data;

/**
 * A data option as a message about the data names it: the CLI's flag for someone at the command line, the Import
 * Data window's control for the desktop app's user (who has no flags to type). The app marks its own JVM and the
 * child processes it starts with the system property {@value #AUDIENCE_PROPERTY}{@code =app}.
 */
public enum DataOption {
    LABEL("--label", "COLUMN", "Label column", "list"),
    MISSING("--missing", "drop|mean|mode|error", "Missing cells", "list"),
    TEXT_COLUMN("--text-column", "COLUMN", "Text column", "list"),
    VOCABULARY("--vocabulary", "N", "Vocabulary", "field"),
    MAX_LENGTH("--max-length", "N", "Max length", "field"),
    TARGET("--target", "COLUMN", "Forecast column", "list"),
    WINDOW("--window", "N", "Window", "field"),
    HORIZON("--horizon", "N", "Horizon", "field"),
    IMAGE_SIZE("--image-size", "HxW", "Image size (HxW)", "field"),
    AUGMENT("--augment", "LIST", "Augment training images", "field");

    /** The system property naming who reads the messages: {@code app} in the desktop app, else the CLI's user. */
    public static final String AUDIENCE_PROPERTY = "netwright.audience";
    private final String flag;
    private final String placeholder;
    private final String control;
    private final String kind;

    DataOption(String flag, String placeholder, String control, String kind) {
        this.flag = flag;
        this.placeholder = placeholder;
        this.control = control;
        this.kind = kind;
    }

    /** Whether messages are read in the desktop app (the property is {@code app}). */
    public static boolean forApp() {
        return "app".equals(System.getProperty(AUDIENCE_PROPERTY));
    }

    /** Where to choose the option: "--label COLUMN", or in the app "the Label column list of File > Import Data…". */
    public String where() {
        return forApp() ? "the " + control + " " + kind + " of File > Import Data…" : flag + " " + placeholder;
    }

    /** The option by its name alone: "--label", or in the app "Label column". */
    public String named() {
        return forApp() ? control : flag;
    }

    /** The option set to {@code value}: "--max-length 37", or in the app "Max length 37". */
    public String set(Object value) {
        return (forApp() ? control : flag) + " " + value;
    }
}
