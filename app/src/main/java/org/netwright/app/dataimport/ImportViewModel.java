package org.netwright.app.dataimport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.netwright.app.training.DataCheck;
import org.netwright.model.command.FitNetworkToData;
import org.netwright.model.command.GraphCommand;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.ShapeInference;
import org.netwright.model.task.DataField;
import org.netwright.runner.data.DataFileException;
import org.netwright.runner.data.DataSources;
import org.netwright.runner.data.DataSummary;
import org.netwright.runner.data.EmbeddedData;
import org.netwright.runner.data.ImageAugmentation;
import org.netwright.runner.data.TableOptions;
import org.netwright.templates.data.Samples;

/**
 * The Import Data window's state: the chosen file or folder and the data options that matter for its kind, what a
 * run would see of it (read off the UI thread with the runner's own readers), a preview, and the two actions: save the
 * recipe (with the source's {@link SourceHash}) into the project's settings, and fit the network to it as one
 * undoable edit.
 */
public final class ImportViewModel {
    /**
     * What reading the data gave: the recipe read, its summary, its preview, the first problem (empty: none) and the
     * bytes of the files the source is made of (what keeping a copy would store).
     */
    public record Loaded(DataRecipe recipe, DataSummary summary, DataPreview preview, Optional<String> problem,
                         long bytes) {
    }

    private final Supplier<TrainingSettings> settings;
    private final Supplier<Graph> graph;
    private final Path baseDir;
    private final Function<DataRecipe, Optional<String>> save;
    private final Predicate<GraphCommand> execute;
    private final Executor background;
    private final Executor uiThread;

    private final ReadOnlyObjectWrapper<Path> source = new ReadOnlyObjectWrapper<>();
    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty missing = new SimpleStringProperty("");
    private final StringProperty textColumn = new SimpleStringProperty("");
    private final StringProperty tokenizer = new SimpleStringProperty("word");
    private final StringProperty vocabulary = new SimpleStringProperty("");
    private final StringProperty maxLength = new SimpleStringProperty("");
    private final StringProperty imageSize = new SimpleStringProperty("");
    private final BooleanProperty grayscale = new SimpleBooleanProperty();
    private final StringProperty augment = new SimpleStringProperty("");
    private final StringProperty target = new SimpleStringProperty("");
    private final StringProperty window = new SimpleStringProperty("24");
    private final StringProperty horizon = new SimpleStringProperty("1");

    private final ReadOnlyObjectWrapper<Loaded> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper used = new ReadOnlyBooleanWrapper();
    private final BooleanProperty keepCopy = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper keepable = new ReadOnlyStringWrapper("");
    /** Keeps a packed source inside the project, or says why not; none until {@link #keepCopiesWith} gives one. */
    private Function<EmbeddedData.Packed, Optional<String>> keeper;
    /** Counts reads, so the answer to an older one never overwrites a newer one. */
    private int generation;

    /**
     * @param settings the project's settings now (seed and split fractions a run would use)
     * @param graph    the network now, read on the UI thread
     * @param baseDir  the project's folder, against which relative paths are read
     * @param save     saves a recipe into the project's settings, or says why not
     * @param execute  runs a command through the editor's command stack (false when refused)
     */
    public ImportViewModel(Supplier<TrainingSettings> settings, Supplier<Graph> graph, Path baseDir,
                           Function<DataRecipe, Optional<String>> save, Predicate<GraphCommand> execute,
                           Executor background, Executor uiThread) {
        this.settings = settings;
        this.graph = graph;
        this.baseDir = baseDir;
        this.save = save;
        this.execute = execute;
        this.background = background;
        this.uiThread = uiThread;
    }

    /** Reads a newly chosen file or folder with the options cleared (the kind is detected afresh). */
    public void choose(Path path) {
        source.set(path.toAbsolutePath());
        label.set("");
        missing.set("");
        textColumn.set("");
        target.set("");
        imageSize.set("");
        grayscale.set(false);
        augment.set("");
        vocabulary.set("");
        maxLength.set("");
        load();
    }

    /** The recipe the chosen path and the options make, as {@code netwright data PATH --options} would. */
    public DataRecipe recipe() {
        DataRecipe detected = DataSources.recipeFor(source.get());
        String kind = detected.kind();
        Map<String, Object> options = new LinkedHashMap<>(detected.options());
        if (kind.equals("csv") && !target.get().isBlank()) {
            kind = "timeseries";
            options.put("target", target.get().strip());
            options.put("window", whole(window.get(), "Window", 24));
            options.put("horizon", whole(horizon.get(), "Horizon", 1));
        } else if (kind.equals("csv") && !textColumn.get().isBlank()) {
            kind = "text_classes";
            options.put(TableOptions.TEXT_COLUMN, textColumn.get().strip());
        }
        if (kind.equals("csv") || kind.equals("text_classes")) {
            put(options, TableOptions.LABEL, label.get());
            put(options, TableOptions.MISSING, missing.get());
        }
        if (kind.equals("text_classes")) {
            put(options, TableOptions.TOKENIZER, tokenizer.get());
            if (!vocabulary.get().isBlank()) {
                options.put(TableOptions.VOCABULARY, whole(vocabulary.get(), "Vocabulary", 0));
            }
            if (!maxLength.get().isBlank()) {
                options.put(TableOptions.MAX_LENGTH, whole(maxLength.get(), "Max length", 0));
            }
        }
        if (kind.equals("images") || kind.equals("idx")) {
            put(options, "image_size", imageSize.get());
            if (grayscale.get() && kind.equals("images")) {
                options.put("grayscale", true);
            }
            if (!augment.get().isBlank()) {
                // Read as the CLI's --augment reads it, so a mistake is said before anything is saved.
                options.put(ImageAugmentation.OPTION, ImageAugmentation.parse(augment.get()).spec());
            }
        }
        return new DataRecipe(kind, options);
    }

    /** Reads the data with the options as they are now; the answer arrives on the UI thread. */
    public void load() {
        message.set("");
        reload();
    }

    /** Reads the data again keeping the last action's words (after a fit, which says what it changed). */
    private void reload() {
        if (source.get() == null) {
            return;
        }
        int mine = ++generation;
        loading.set(true);
        DataRecipe recipe;
        try {
            recipe = recipe();
        } catch (IllegalArgumentException | DataFileException e) {
            finish(mine, null, e.getMessage());
            return;
        }
        TrainingSettings now = settings.get().withData(recipe);
        Graph network = graph.get();
        background.execute(() -> {
            Loaded result = null;
            String why;
            try {
                result = read(now, network);
                why = result.problem().orElse("");
            } catch (DataFileException | IllegalArgumentException | UncheckedIOException | IOException e) {
                why = e.getMessage();
            }
            Loaded answer = result;
            String said = why;
            uiThread.execute(() -> finish(mine, answer, said));
        });
    }

    private Loaded read(TrainingSettings now, Graph network) throws IOException {
        DataRecipe recipe = SourceHash.stamped(now.data(), baseDir);
        DataSummary summary = DataSources.describe(now, baseDir);
        Samples samples = recipe.kind().equals("images") || recipe.kind().equals("idx")
                ? DataSources.loadSamples(recipe, baseDir, now.seed()) : null;
        // Graph data read again for the drawing (the summary holds counts only); small sets read fast.
        Object graphs = summary.kind().equals("graphs") ? DataSources.loadGraphSetSplit(now, baseDir).set()
                : summary.kind().equals("graph") ? DataSources.loadNodeSplit(now, baseDir).graph() : null;
        DataPreview preview = DataPreview.of(recipe, summary, source.get(), samples, graphs);
        GraphShapes shapes = network == null ? null : ShapeInference.infer(network);
        Optional<String> fit = DataCheck.check(recipe, network, shapes, baseDir, now.seed(), now.loss()).problem();
        return new Loaded(recipe, summary, preview, fit, EmbeddedData.size(recipe, source.get()));
    }

    private void finish(int mine, Loaded result, String why) {
        if (mine != generation) {
            return;
        }
        keepable.set(result == null ? "" : result.bytes() > EmbeddedData.LIMIT_BYTES
                ? "This data holds " + EmbeddedData.megabytes(result.bytes()) + "; only data up to "
                + EmbeddedData.LIMIT_WORDS + " can be kept inside the project."
                : "Up to " + EmbeddedData.LIMIT_WORDS + "; this data holds " + EmbeddedData.megabytes(result.bytes())
                + ".");
        if (result != null && result.bytes() > EmbeddedData.LIMIT_BYTES) {
            keepCopy.set(false);
        }
        loading.set(false);
        used.set(false);
        loaded.set(result);
        problem.set(why == null ? "" : why);
    }

    /** Saves the read recipe (with its source's hash) as the project's data; the Data row re-checks it. */
    public boolean useData() {
        Loaded l = loaded.get();
        if (l == null) {
            return false;
        }
        DataRecipe recipe = l.recipe();
        String kept = "";
        if (keepCopy.get() && keeper != null) {
            EmbeddedData.Packed packed;
            try {
                packed = EmbeddedData.pack(recipe, source.get());
            } catch (DataFileException | UncheckedIOException e) {
                message.set("No copy was kept: " + e.getMessage());
                return false;
            }
            Optional<String> notKept = keeper.apply(packed);
            if (notKept.isPresent()) {
                message.set("No copy was kept: " + notKept.get());
                return false;
            }
            Map<String, Object> options = new LinkedHashMap<>(recipe.options());
            options.put(EmbeddedData.OPTION, packed.hash());
            recipe = new DataRecipe(recipe.kind(), options);
            loaded.set(new Loaded(recipe, l.summary(), l.preview(), l.problem(), l.bytes()));
            kept = " A copy (" + packed.files() + (packed.files() == 1 ? " file, " : " files, ")
                    + EmbeddedData.megabytes(packed.size()) + ") is kept inside the project.";
        }
        Optional<String> refusal = save.apply(recipe);
        message.set(refusal.orElse("The project trains on " + source.get().getFileName() + " from now on." + kept));
        used.set(refusal.isEmpty());
        return refusal.isEmpty();
    }

    /**
     * Fits the network's input and output to the read data as one undoable edit (Edit > Undo takes it back whole);
     * when the network cannot take the images' size, the images are resized to its input instead and the recipe saved
     * with that size. Says what changed, or why nothing did.
     */
    public boolean fitNetwork() {
        Loaded l = loaded.get();
        if (l == null) {
            return false;
        }
        String kind = l.summary().kind();
        if ((kind.equals("graph") || kind.equals("graphs")) && org.netwright.model.task.NetworkEnds.of(graph.get())
                .inputs().stream().noneMatch(e -> e.type().equals("graph_input"))) {
            // Fitting sets sizes; it adds no layers, so a network without a graph input would stay unable to train.
            message.set("Graph data needs a network that starts with a graph input; fitting changes sizes, not layers."
                    + (kind.equals("graphs") ? " Start from File > New from Template… > \"Graph classification: rings or"
                    + " trees\", then import the graphs again." : " Start from File > New from Template… > \"Node"
                    + " classification with GCN\", then import the graph again."));
            return false;
        }
        FitNetworkToData fit = command(graph.get(), l.summary());
        List<String> said = new ArrayList<>(fit.changes());
        boolean changed = false;
        if (fit.whyNot(graph.get()).isEmpty()) {
            changed = execute.test(fit);
            if (!changed) {
                message.set("The network could not be changed (see the canvas's message).");
                return false;
            }
        }
        if (fit.resizeImagesTo().isPresent() && l.recipe().options().get("image_size") == null) {
            int[] hw = fit.resizeImagesTo().get();
            imageSize.set(hw[0] + "x" + hw[1]);
            Map<String, Object> options = new LinkedHashMap<>(l.recipe().options());
            options.put("image_size", imageSize.get());
            DataRecipe resized = new DataRecipe(l.recipe().kind(), options);
            loaded.set(new Loaded(resized, l.summary(), l.preview(), l.problem(), l.bytes()));
            if (used.get()) {
                save.apply(resized);
            }
            changed = true;
        }
        message.set(said.isEmpty() ? (changed ? "The images are resized to the network's input."
                : "The network fits the data already.") : "Fitted: " + String.join("; ", said) + ".");
        if (changed) {
            reload();
        }
        return changed;
    }

    /**
     * The command that fits {@code network} to data of this summary: a graph input taking the graph (one graph) or the
     * largest graph (a set: its node-features field is largest × features), and one score per class.
     */
    static FitNetworkToData command(Graph network, DataSummary summary) {
        if (summary.kind().equals("graphs")) {
            var nodeFeatures = summary.fields().get(0).shape();
            return FitNetworkToData.forGraphSet(network, nodeFeatures.dim(0), nodeFeatures.dim(1),
                    summary.classes().size());
        }
        if (summary.kind().equals("graph")) {
            return FitNetworkToData.forGraph(network, summary.samples(),
                    (int) summary.fields().get(0).shape().size(), summary.classes().size());
        }
        return FitNetworkToData.forSamples(network, summary.fields());
    }

    /** The shapes the network's inputs get, one line per field a layer reads ("features: a vector of 4"). */
    public static List<String> inputShapes(DataSummary summary) {
        return summary.fields().stream().filter(f -> f.kind() != DataField.Kind.CLASS_ID
                        || summary.fields().stream().noneMatch(g -> g.kind() != DataField.Kind.CLASS_ID))
                .map(f -> f.name() + ": " + f.describe()).toList();
    }

    /** Class names with their counts, "setosa 50, versicolor 50, ..."; empty for regression. */
    public static String classCounts(DataSummary summary) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < summary.classes().size(); i++) {
            out.add(summary.classes().get(i) + " " + summary.classCounts().get(i));
        }
        return String.join(", ", out);
    }

    private static void put(Map<String, Object> options, String key, String value) {
        if (value != null && !value.isBlank()) {
            options.put(key, value.strip());
        }
    }

    private static int whole(String text, String field, int otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v < 1) {
                throw new IllegalArgumentException(field + " must be at least 1; got " + v + ".");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number; got \"" + text.strip() + "\".");
        }
    }

    /** Keeps copies through {@code keeper} (into the project's file), which says why not when it cannot. */
    public void keepCopiesWith(Function<EmbeddedData.Packed, Optional<String>> keeper) {
        this.keeper = keeper;
    }

    /** Whether copies can be kept here at all (a project to keep them in was given). */
    public boolean canKeepCopies() {
        return keeper != null;
    }

    /** Whether Use this data also keeps a copy of the source inside the project (data up to the limit only). */
    public BooleanProperty keepCopyProperty() {
        return keepCopy;
    }

    /** The limit and this data's size in words; names why not when the data is above the limit. */
    public ReadOnlyStringProperty keepableProperty() {
        return keepable.getReadOnlyProperty();
    }

    /** Whether the read data is small enough to keep a copy of. */
    public boolean keepable() {
        Loaded l = loaded.get();
        return l != null && l.bytes() <= EmbeddedData.LIMIT_BYTES;
    }

    public ReadOnlyObjectProperty<Path> sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The last read's result; null before one, or when the data could not be read (see {@link #problemProperty}). */
    public ReadOnlyObjectProperty<Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** The first problem: why the data cannot be read, or why the network cannot train on it; empty when none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What the last action did, or why it could not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while the data is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The label column (tables and texts); blank: the reader's announced guess. */
    public StringProperty labelProperty() {
        return label;
    }

    /** {@code drop}, {@code mean}, {@code mode} or {@code error}; blank: the reader's default. */
    public StringProperty missingProperty() {
        return missing;
    }

    /** The column of texts in a CSV; set, the file is read as texts to classify. */
    public StringProperty textColumnProperty() {
        return textColumn;
    }

    /** {@code word} or {@code char}. */
    public StringProperty tokenizerProperty() {
        return tokenizer;
    }

    public StringProperty vocabularyProperty() {
        return vocabulary;
    }

    public StringProperty maxLengthProperty() {
        return maxLength;
    }

    /** Images resized to {@code HxW}; blank: their own size. */
    public StringProperty imageSizeProperty() {
        return imageSize;
    }

    public BooleanProperty grayscaleProperty() {
        return grayscale;
    }

    /** Training images' augmentation as {@code --augment} takes it ({@code flip,crop=4,rotate=15}); blank: none. */
    public StringProperty augmentProperty() {
        return augment;
    }

    /** The column a time series forecasts; set, a CSV is read as a series. */
    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty windowProperty() {
        return window;
    }

    public StringProperty horizonProperty() {
        return horizon;
    }
}
