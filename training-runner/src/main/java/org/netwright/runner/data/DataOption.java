package org.netwright.runner.data;

/**
 * A data option as a message about the data names it: the CLI's flag for someone at the command line, the Import
 * Data window's control for the desktop app's user (who has no flags to type). The app marks its own JVM and the
 * child processes it starts with the system property {@value #AUDIENCE_PROPERTY}{@code =app}.
 */
public enum DataOption {
    LABEL("--label", "COLUMN", "Label column", "list"),
    MISSING("--missing", "drop|mean|mode|error", "Missing cells", "list"),
    TOKENIZER("--tokenizer", "word|char", "Tokenizer", "list"),
    TEXT_COLUMN("--text-column", "COLUMN", "Text column", "list"),
    VOCABULARY("--vocabulary", "N", "Vocabulary", "field"),
    MAX_LENGTH("--max-length", "N", "Max length", "field"),
    TARGET("--target", "COLUMN", "Forecast column", "list"),
    WINDOW("--window", "N", "Window", "field"),
    HORIZON("--horizon", "N", "Horizon", "field"),
    IMAGE_SIZE("--image-size", "HxW", "Image size (HxW)", "field"),
    AUGMENT("--augment", "LIST", "Augment training images", "field"),
    /** The data itself: a file or folder, chosen in the app with the Import Data window's two buttons. */
    DATA("--data", "PATH", "the data", null, "Choose file… or Choose folder… in File > Import Data…"),
    /** The split into train, validation and test: the Validation and Test fields under the panel's Options…. */
    SPLIT("--split", "TRAIN,VAL,TEST", "Validation and Test", null, "the Validation and Test fields of Options… (Loss and data)"),
    /** Where a run computes: the Device list under the panel's Options…. */
    DEVICE("--device", "auto|cpu|gpu", "Device", null, "the Device list of Options… (Start and device)"),
    /**
     * A separate test file. The app has no control for it: a project the command line saved may name one, and
     * choosing the data again with File > Import Data… leaves it out.
     */
    TEST("--test", "PATH", "the data's test file", null, "File > Import Data… (choosing the data again leaves the test file"
            + " out)"),
    /** The feature columns of a table or series. The app reads every column it can and has no control to name them. */
    FEATURES("--features", "A,B", "the data's feature columns", null, "the project's data as the command line saved"
            + " it (the app has no control for it)"),
    /** The decoded-image cache's size. The app has no control for it: a quarter of the Java heap unless set. */
    CACHE_MB("--cache-mb", "MB", "the data's image cache size", null, "File > Import Data… (choosing the images again"
            + " leaves the cache size out)");

    /** The system property naming who reads the messages: {@code app} in the desktop app, else the CLI's user. */
    public static final String AUDIENCE_PROPERTY = "netwright.audience";
    private final String flag;
    private final String placeholder;
    private final String control;
    /** Where the app's user chooses it, in words. */
    private final String appWhere;

    DataOption(String flag, String placeholder, String control, String kind) {
        this(flag, placeholder, control, kind, "the " + control + " " + kind + " of File > Import Data…");
    }

    /**
     * An option the app names {@code control} and chooses at {@code appWhere} (outside the Import Data window);
     * {@code kind} is null.
     */
    DataOption(String flag, String placeholder, String control, String kind, String appWhere) {
        this.flag = flag;
        this.placeholder = placeholder;
        this.control = control;
        this.appWhere = appWhere;
    }

    /** Whether messages are read in the desktop app (the property is {@code app}). */
    public static boolean forApp() {
        return "app".equals(System.getProperty(AUDIENCE_PROPERTY));
    }

    /** Where to choose the option: "--label COLUMN", or in the app "the Label column list of File > Import Data…". */
    public String where() {
        return forApp() ? appWhere : flag + " " + placeholder;
    }

    /** The option by its name alone: "--label", or in the app "Label column". */
    public String named() {
        return forApp() ? control : flag;
    }

    /** {@link #named} to begin a sentence with: "--features", or in the app "The data's feature columns". */
    public String namedFirst() {
        String n = named();
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** The option set to {@code value}: "--max-length 37", or in the app "Max length 37". */
    public String set(Object value) {
        return (forApp() ? control : flag) + " " + value;
    }
}
