package org.netwright.app.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.netwright.model.graph.Graph;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.task.Task;
import org.netwright.app.dataimport.SourceHash;
import org.netwright.runner.data.DataSources;
import org.netwright.runner.data.EmbeddedData;

/**
 * The Data row's state: what the project trains on, in words, and why a choice was refused. A choice is
 * loaded and checked against the network off the UI thread and saved into the settings only when it fits,
 * so a refused choice loses nothing.
 */
public final class DataViewModel {
    private final SettingsForm form;
    private final Supplier<Graph> graph;
    private final Supplier<GraphShapes> shapes;
    private final Path baseDir;
    private final Executor background;
    private final Executor uiThread;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper task = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    /** False while the saved data cannot train the network as it is (a refused new choice leaves it as it was). */
    private final ReadOnlyBooleanWrapper fits = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper moved = new ReadOnlyStringWrapper("");
    /** What the last choice changed beside the data (the saved task proposed again for it); empty otherwise. */
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper samples = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<DataCheck.TaskBasis> basis = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper keptCopyInUse = new ReadOnlyBooleanWrapper();
    /** The bytes of the data the project keeps, by content hash (none until {@link #keptCopiesFrom} says where). */
    private java.util.function.Function<String, Optional<byte[]>> keptCopies = hash -> Optional.empty();
    private final TaskEditorModel taskEditor;
    private final javafx.collections.ObservableMap<String, String> generatorFits =
            javafx.collections.FXCollections.observableHashMap();
    private int generatorChecks;
    /** Counts requests, so that the answer to an older one (a slow file, say) never overwrites a newer one. */
    private int generation;

    /**
     * @param graph the network as it is now, read on the UI thread when a choice is made
     * @param baseDir the project's folder, against which a relative data path is read (as the run does)
     * @param background runs the loading; {@code uiThread} gets the answer back (Platform::runLater in the app)
     */
    public DataViewModel(SettingsForm form, Supplier<Graph> graph, Supplier<GraphShapes> shapes, Path baseDir,
                         Executor background, Executor uiThread) {
        this.form = form;
        this.graph = graph;
        this.shapes = shapes;
        this.baseDir = baseDir;
        this.background = background;
        this.uiThread = uiThread;
        summary.set(words(DataCheck.name(form.settings().data())));
        this.taskEditor = new TaskEditorModel(form, basis.getReadOnlyProperty());
        // Once the task is changed again, what the notice said of it no longer holds.
        form.settingsProperty().addListener((o, before, after) -> {
            if (before != null && after != null && !java.util.Objects.equals(before.task(), after.task())) {
                notice.set("");
            }
        });
    }

    /**
     * Describes the project's data as it is saved, with its size once loaded, and the task a run would train on it;
     * a file that cannot be read, or data the network cannot train on, says why.
     */
    public void describeCurrent() {
        DataRecipe recipe = form.settings().data();
        long seed = form.settings().seed();
        String loss = form.settings().loss();
        Task saved = form.settings().task();
        Graph network = graph.get();
        GraphShapes networkShapes = shapes.get();
        int mine = ++generation;
        checking.set(true);
        var kept = keptCopies;
        background.execute(() -> {
            // A source moved or deleted since the import is read from the copy the project keeps, as a run reads it.
            Optional<DataRecipe> copy = Optional.empty();
            String copyProblem = "";
            try {
                copy = EmbeddedData.keptCopy(recipe, baseDir, kept);
            } catch (RuntimeException e) {
                copyProblem = " The copy kept inside the project cannot be used: " + e.getMessage();
            }
            DataCheck.Outcome outcome = DataCheck.check(copy.orElse(recipe), network, networkShapes, baseDir, seed,
                    loss, saved);
            String changed = copy.isPresent() ? "The data source " + recipe.options().get("path") + " is not there any"
                    + " more; runs use the copy kept inside the project. Relink… points at its new place; Use the kept"
                    + " copy writes the copy beside the project and trains on that."
                    : SourceHash.whyChanged(recipe, baseDir).orElse("") + copyProblem;
            boolean inUse = copy.isPresent();
            uiThread.execute(() -> {
                if (mine == generation) {
                    checking.set(false);
                    moved.set(changed.strip());
                    keptCopyInUse.set(inUse);
                    summary.set(words(outcome.summary()));
                    error.set(outcome.problem().map(p -> whereTheLossIsSet(p, loss)).orElse(""));
                    fits.set(outcome.problem().isEmpty());
                    task.set(String.join("\n", outcome.task()));
                    samples.set(outcome.samples());
                    basis.set(outcome.basis().orElse(null));
                }
            });
        });
    }

    /**
     * Checks every built-in generator against the network as it is now, off the UI thread, as choosing it would (the
     * saved task and loss included); {@link #generatorFits()} then holds, per generator, "" when it fits or why not.
     * While the network cannot be judged yet (a red layer, no weights) the map is emptied: nothing can be said.
     */
    public void checkGenerators() {
        Graph network = graph.get();
        GraphShapes networkShapes = shapes.get();
        if (network == null || networkShapes == null || !networkShapes.isValid() || networkShapes.totalParams() == 0) {
            generatorFits.clear();
            return;
        }
        long seed = form.settings().seed();
        String loss = form.settings().loss();
        Task saved = form.settings().task();
        int mine = ++generatorChecks;
        background.execute(() -> {
            // Each answer as it comes: the menu is open while they are worked out, the first ones within a moment.
            for (String name : org.netwright.templates.data.Generators.NAMES) {
                // Judged as choosing it would be: a saved task that does not fit is proposed again, so that is a fit.
                DataRecipe recipe = generatorFor(name, network, networkShapes);
                String why = judge(recipe, network, networkShapes, seed, loss, saved).refusal().orElse("");
                uiThread.execute(() -> {
                    if (mine == generatorChecks) {
                        generatorFits.put(name, why);
                    }
                });
            }
        });
    }

    /** Per built-in generator, "" when it fits the network of the last {@link #checkGenerators()}, else why not. */
    public javafx.collections.ObservableMap<String, String> generatorFits() {
        return generatorFits;
    }

    /** Trains on the file from now on, if it loads and fits: CSV (samples or an edge table) or IDX images. */
    public void chooseFile(Path file) {
        choose(DataSources.recipeFor(file.toAbsolutePath()));
    }

    /**
     * Trains on data read in the Import Data window from now on, even when the network does not fit it yet (the
     * window's next step fits the network); the row re-checks it when the settings change.
     */
    public Optional<String> useImported(DataRecipe recipe) {
        return form.setData(recipe);
    }

    /**
     * Points the project's data at its new place (or accepts its changed content) with a fresh content hash; the row
     * re-checks it.
     */
    public Optional<String> relink(Path newPlace) {
        DataRecipe recipe = form.settings().data();
        if (recipe == null || recipe.options().get("path") == null) {
            return Optional.of("The project's data is not a file or folder, so there is nothing to relink.");
        }
        DataRecipe relinked = SourceHash.relinked(recipe, newPlace);
        Object kept = relinked.options().get(EmbeddedData.OPTION);
        if (kept != null && !sameAsKept(relinked, newPlace, kept.toString())) {
            // The kept copy is of other data now; a later move must not bring the old data back silently.
            Map<String, Object> options = new java.util.LinkedHashMap<>(relinked.options());
            options.remove(EmbeddedData.OPTION);
            relinked = new DataRecipe(relinked.kind(), options);
        }
        Optional<String> refusal = form.setData(relinked);
        refusal.ifPresent(error::set);
        return refusal;
    }

    /**
     * Reads the data the project keeps inside it through {@code kept} (by content hash), so a moved or deleted source
     * is checked, and trained, from its kept copy.
     */
    public void keptCopiesFrom(java.util.function.Function<String, Optional<byte[]>> kept) {
        this.keptCopies = java.util.Objects.requireNonNull(kept);
    }

    /** True when the source is gone and the Data row reads the copy kept inside the project. */
    public ReadOnlyBooleanProperty keptCopyInUseProperty() {
        return keptCopyInUse.getReadOnlyProperty();
    }

    /**
     * Writes the kept copy into a folder in the project's folder ({@code NAME-kept}, NAME the source's name without its
     * extension) and points the project's data at it, so the project has a source on disk again; says why not when it
     * cannot.
     */
    public Optional<String> useKeptCopy() {
        DataRecipe recipe = form.settings().data();
        Object hash = recipe == null ? null : recipe.options().get(EmbeddedData.OPTION);
        Object path = recipe == null ? null : recipe.options().get("path");
        Optional<byte[]> bytes = hash == null ? Optional.empty() : keptCopies.apply(hash.toString());
        if (bytes.isEmpty() || path == null) {
            Optional<String> why = Optional.of("The project keeps no copy of its data.");
            why.ifPresent(error::set);
            return why;
        }
        String name = Path.of(path.toString()).getFileName().toString();
        Path folder = baseDir.resolve((name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name) + "-kept");
        try {
            EmbeddedData.unpack(bytes.get(), folder);
        } catch (org.netwright.runner.data.DataFileException e) {
            error.set(e.getMessage());
            return Optional.of(e.getMessage());
        }
        return relink(folder.resolve(name));
    }

    private static boolean sameAsKept(DataRecipe recipe, Path source, String hash) {
        try {
            return EmbeddedData.size(recipe, source) <= EmbeddedData.LIMIT_BYTES
                    && EmbeddedData.pack(recipe, source).hash().equals(hash);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The project's settings as they are now (the seed and split fractions a run of the data would use). */
    public org.netwright.model.settings.TrainingSettings settings() {
        return form.settings();
    }

    /** The project's folder, against which a relative data path is read. */
    public Path baseDir() {
        return baseDir;
    }

    /** Why the project's data source is not what was imported (moved or changed), with Relink… offered; empty otherwise. */
    public ReadOnlyStringProperty movedProperty() {
        return moved.getReadOnlyProperty();
    }

    /** Whether the project's data is a folder (so Relink… asks for a folder), judged by the saved kind and path. */
    public boolean dataIsFolder() {
        DataRecipe recipe = form.settings().data();
        Object p = recipe == null ? null : recipe.options().get("path");
        return p != null && (recipe.kind().equals("images") || recipe.kind().equals("text_classes")
                && !p.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                || java.nio.file.Files.isDirectory(Path.of(p.toString())));
    }

    /**
     * Trains on a built-in generator (one of {@code Generators.NAMES}) with its default options, an image generator's
     * size set to the network's image input ({@link #generatorFor}), if it fits.
     */
    public void chooseGenerator(String name) {
        choose(generatorFor(name, graph.get(), shapes.get()));
    }

    /**
     * Generator {@code name} with its default options, except that an image generator draws its images at the size of
     * the network's one image input when that is one channel, square and at least 12 pixels (the smallest size every
     * such generator draws): a new Image input is 1×28×28 and no generator's default size is 28, so an image network
     * built from scratch fitted none of them.
     */
    static DataRecipe generatorFor(String name, Graph network, GraphShapes networkShapes) {
        if (!org.netwright.templates.data.Generators.SIZED_IMAGE_NAMES.contains(name) || network == null
                || networkShapes == null) {
            return DataRecipe.generator(name, Map.of());
        }
        List<org.netwright.model.shape.Shape> images = network.nodes().values().stream()
                .filter(n -> n.type().equals("image_input"))
                .map(n -> networkShapes.report(n.id()))
                .filter(r -> r != null && r.isOk())
                .flatMap(r -> r.outputs().values().stream()).toList();
        if (images.size() == 1) {
            org.netwright.model.shape.Shape in = images.get(0);
            if (in.rank() == 3 && in.dim(0) == 1 && in.dim(1) == in.dim(2) && in.dim(1) >= 12) {
                return DataRecipe.generator(name, Map.of("size", in.dim(1)));
            }
        }
        return DataRecipe.generator(name, Map.of());
    }

    private void choose(DataRecipe recipe) {
        Graph network = graph.get();
        GraphShapes networkShapes = shapes.get();
        long seed = form.settings().seed();
        String loss = form.settings().loss();
        Task saved = form.settings().task();
        int mine = ++generation;
        checking.set(true);
        error.set("");
        notice.set("");
        background.execute(() -> {
            Choice choice = judge(recipe, network, networkShapes, seed, loss, saved);
            uiThread.execute(() -> {
                if (mine == generation) {
                    checking.set(false);
                    if (choice.retasked().isPresent()) {
                        acceptRetasked(recipe, choice.retasked().get());
                    } else {
                        accept(recipe, choice.outcome());
                    }
                }
            });
        });
    }

    /**
     * What choosing {@code recipe} would do: {@code outcome} the check with the task in force, and {@code retasked}
     * the task proposed again for the data when the saved one does not fit it but a proposal does.
     */
    private record Choice(DataCheck.Outcome outcome, Optional<Retasked> retasked) {
        /** Why the choice would be refused; empty when it would be taken (as it is, or with the task proposed again). */
        Optional<String> refusal() {
            return retasked.isPresent() ? Optional.empty() : outcome.problem();
        }
    }

    /**
     * Judges a choice of data as {@link #chooseGenerator} and {@link #chooseFile} take it, and as the Generator menu
     * marks it: the check with the saved task, and when that task does not fit, the task proposed again for the data.
     * When no task fits the data at all, the refusal says why the network cannot train on it (resetting the saved task
     * would not help, so its reset hint is not given).
     */
    private Choice judge(DataRecipe recipe, Graph network, GraphShapes networkShapes, long seed, String loss,
                         Task saved) {
        DataCheck.Outcome outcome = DataCheck.check(recipe, network, networkShapes, baseDir, seed, loss, saved);
        if (outcome.problem().isEmpty() || saved == null) {
            return new Choice(outcome, Optional.empty());
        }
        DataCheck.Outcome fresh = DataCheck.check(recipe, network, networkShapes, baseDir, seed, loss, null);
        Optional<Retasked> retasked = retask(recipe, network, networkShapes, seed, loss, saved, fresh);
        return new Choice(fresh.problem().isPresent() ? fresh : outcome, retasked);
    }

    /** New data with the task proposed again for it: the check with that task, the task to save (null: the proposal). */
    private record Retasked(DataCheck.Outcome outcome, Task task, List<String> kept) {
    }

    /**
     * When the task saved with the project does not fit the chosen data but the runner proposes one that does: that
     * proposal with the user's choices that still apply ({@link org.netwright.model.task.TaskCarryOver}), checked as a
     * run would, from {@code fresh}, the data's check with the proposal; empty when no task fits the data (the refusal
     * then stands).
     */
    private Optional<Retasked> retask(DataRecipe recipe, Graph network, GraphShapes networkShapes, long seed,
                                      String loss, Task saved, DataCheck.Outcome fresh) {
        if (fresh.problem().isPresent() || fresh.basis().isEmpty() || fresh.basis().get().proposal().isEmpty()) {
            return Optional.empty();
        }
        DataCheck.TaskBasis b = fresh.basis().get();
        Task proposal = b.proposal().get();
        org.netwright.model.task.TaskCarryOver.Result carried = org.netwright.model.task.TaskCarryOver.of(saved,
                proposal, network, b.ends(), b.fields());
        Task keep = carried.task().equals(proposal) ? null : carried.task();
        DataCheck.Outcome checked = keep == null ? fresh
                : DataCheck.check(recipe, network, networkShapes, baseDir, seed, loss, keep);
        return checked.problem().isPresent() ? Optional.of(new Retasked(fresh, null, List.of()))
                : Optional.of(new Retasked(checked, keep, carried.kept()));
    }

    private void accept(DataRecipe recipe, DataCheck.Outcome outcome) {
        Optional<String> refusal = outcome.problem().or(() -> form.setData(recipe));
        if (refusal.isPresent()) {
            // The choice is not taken, so say so: the row still names the data the project keeps training on.
            error.set(notChosen(recipe, form.settings().data(), refusal.get()));
            return;
        }
        summary.set(words(outcome.summary()));
        error.set("");
        fits.set(true);
        task.set(String.join("\n", outcome.task()));
        samples.set(outcome.samples());
        basis.set(outcome.basis().orElse(null));
    }

    private void acceptRetasked(DataRecipe recipe, Retasked r) {
        Optional<String> refusal = form.setDataAndTask(recipe, r.task());
        if (refusal.isPresent()) {
            error.set(notChosen(recipe, form.settings().data(), refusal.get()));
            return;
        }
        notice.set(retaskedText(DataCheck.name(recipe), r.kept()));
        summary.set(words(r.outcome().summary()));
        error.set("");
        fits.set(true);
        task.set(String.join("\n", r.outcome().task()));
        samples.set(r.outcome().samples());
        basis.set(r.outcome().basis().orElse(null));
    }

    /** "The task saved with the project did not fit X, so …": the proposal now, or what of the user's task it kept. */
    static String retaskedText(String data, List<String> kept) {
        return "The task saved with the project did not fit " + data + ", so "
                + (kept.isEmpty() ? "runs train the runner's proposal for it now."
                        : "the task was proposed again for it, keeping " + String.join("; ", kept) + ".")
                + " Edit task\u2026 changes it.";
    }

    /**
     * A refusal that blames the chosen loss, told where that choice lives in the app (the runner's sentence is also
     * the command line's, which knows no Options window).
     */
    static String whereTheLossIsSet(String problem, String loss) {
        boolean chosen = loss != null && !org.netwright.model.settings.TrainingSettings.AUTO.equals(loss);
        return chosen && problem.contains("loss") ? problem + " The loss is chosen in Options… under Loss and data."
                : problem;
    }

    /**
     * "Not switched to X: why. Runs still use Y; change the network to fit, then choose it again." The general advice
     * is left out where the reason already says what to change ({@link org.netwright.model.task.DataMismatch}): said
     * twice, the line ran past the row's two lines and its end was only in the tooltip.
     */
    static String notChosen(DataRecipe chosen, DataRecipe kept, String why) {
        String start = "Not switched to " + DataCheck.name(chosen) + ": " + why + " Runs still use "
                + DataCheck.name(kept);
        return org.netwright.model.task.DataMismatch.saysWhatToChange(why) ? start + "."
                : start + "; change the network to fit, then choose it again.";
    }

    private static String words(String what) {
        return "Data: " + what;
    }

    /** "Data: iris.csv (150 rows, 4 features, 3 classes)" and the like. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /**
     * What the last choice of data changed besides the data, e.g. that the saved task was proposed again for it and
     * which of the user's choices it kept; empty otherwise.
     */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** Why the last choice was refused or the project's data cannot be read; empty when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * The task a run would train, one line per binding ("Input 'in' (a vector of 2) <- 'features' ...", "Output
     * 'out' ... -> cross_entropy against 'label' ...", "Metrics: accuracy"); empty until the data has been checked.
     */
    public ReadOnlyStringProperty taskProperty() {
        return task.getReadOnlyProperty();
    }

    /** How many samples the checked data holds before the split (nodes of one graph); 0 until it has loaded. */
    public ReadOnlyIntegerProperty samplesProperty() {
        return samples.getReadOnlyProperty();
    }

    /**
     * What the last check judged the task against (the task in force, the proposal, the network's ends, the data's
     * fields); null until a check resolved a task of samples, e.g. for one graph's nodes or data that cannot load.
     */
    public ReadOnlyObjectProperty<DataCheck.TaskBasis> basisProperty() {
        return basis.getReadOnlyProperty();
    }

    /** The task editor's state, fed by this row's checks. */
    public TaskEditorModel taskEditor() {
        return taskEditor;
    }

    /** False while the project's saved data cannot train the network as it is now (the error says why). */
    public ReadOnlyBooleanProperty fitsProperty() {
        return fits.getReadOnlyProperty();
    }

    /** True while the data is being loaded and checked. */
    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }
}
