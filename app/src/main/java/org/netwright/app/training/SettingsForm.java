package org.netwright.app.training;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingOptions;
import org.netwright.model.settings.TrainingSettings;
import org.netwright.model.task.Task;

/**
 * The training settings as the panel edits them: each field is parsed and checked on its own,
 * a refused value leaves the settings as they were and says why, an accepted one is saved at once.
 */
public final class SettingsForm {
    private final ReadOnlyObjectWrapper<TrainingSettings> settings;
    private final Consumer<TrainingSettings> save;

    public SettingsForm(TrainingSettings initial, Consumer<TrainingSettings> save) {
        this.settings = new ReadOnlyObjectWrapper<>(initial);
        this.save = save;
    }

    public ReadOnlyObjectProperty<TrainingSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public TrainingSettings settings() {
        return settings.get();
    }

    public Optional<String> setEpochs(String text) {
        return parseInt(text, "Epochs").map(Optional::of)
                .orElseGet(() -> apply(s -> s.withEpochs(Integer.parseInt(text.strip()))));
    }

    public Optional<String> setBatchSize(String text) {
        return parseInt(text, "Batch size").map(Optional::of)
                .orElseGet(() -> apply(s -> s.withBatchSize(Integer.parseInt(text.strip()))));
    }

    public Optional<String> setLearningRate(String text) {
        try {
            double lr = Double.parseDouble(text.strip());
            return apply(s -> s.withLearningRate(lr));
        } catch (NumberFormatException e) {
            return Optional.of("Learning rate must be a number such as 0.01; got \"" + text.strip() + "\".");
        }
    }

    /**
     * Trains with {@code optimizer} from now on. Parameters the new optimizer does not take (momentum after
     * leaving momentum, Adam's betas after leaving Adam) go back to their defaults: they cannot be edited while
     * they do not apply, and a run refuses a changed parameter its optimizer has no use for.
     */
    public Optional<String> setOptimizer(String optimizer) {
        return apply(s -> s.withOptimizer(optimizer).withOptions(OptionRules.keepApplicable(optimizer, s.options())));
    }

    /** The loss on every output, or {@code auto} for the task's own. */
    public Optional<String> setLoss(String loss) {
        return apply(s -> s.withLoss(loss == null ? "" : loss.strip()));
    }

    public Optional<String> setValidationSplit(String text) {
        return parseDouble(text, "The validation fraction", "0.15").map(Optional::of)
                .orElseGet(() -> apply(s -> s.withSplit(number(text), s.testSplit())));
    }

    public Optional<String> setTestSplit(String text) {
        return parseDouble(text, "The test fraction", "0.15").map(Optional::of)
                .orElseGet(() -> apply(s -> s.withSplit(s.validationSplit(), number(text))));
    }

    public Optional<String> setMomentum(String text) {
        return option(text, "Momentum", "0.9", (o, v) -> o.withMomentum(v));
    }

    public Optional<String> setBeta1(String text) {
        return option(text, "Beta 1", "0.9", (o, v) -> o.withBetas(v, o.beta2()));
    }

    public Optional<String> setBeta2(String text) {
        return option(text, "Beta 2", "0.999", (o, v) -> o.withBetas(o.beta1(), v));
    }

    public Optional<String> setEpsilon(String text) {
        return option(text, "Epsilon", "1e-8", (o, v) -> o.withEpsilon(v));
    }

    public Optional<String> setWeightDecay(String text) {
        return option(text, "Weight decay", "0.0001", (o, v) -> o.withWeightDecay(v));
    }

    public Optional<String> setL1(String text) {
        return option(text, "The L1 factor", "0.0001", (o, v) -> o.withL1(v));
    }

    public Optional<String> setClipNorm(String text) {
        return option(text, "The gradient norm limit", "1.0", (o, v) -> o.withClipNorm(v));
    }

    public Optional<String> setClipValue(String text) {
        return option(text, "The gradient value limit", "0.5", (o, v) -> o.withClipValue(v));
    }

    /**
     * The learning-rate schedule, e.g. {@code cosine} or {@code warmup:steps=100+cosine}; a spec the runner's
     * parser refuses is refused with its message.
     */
    public Optional<String> setSchedule(String spec) {
        String text = spec == null ? "" : spec.strip();
        if (text.isEmpty()) {
            return Optional.of("The schedule is empty; write constant for a fixed learning rate.");
        }
        return apply(s -> s.withOptions(s.options().withSchedule(text)));
    }

    public Optional<String> setPatience(String text) {
        return parseInt(text, "Patience").map(Optional::of).orElseGet(() -> apply(s -> s.withOptions(
                s.options().withEarlyStopping(Integer.parseInt(text.strip()), s.options().monitor()))));
    }

    /** The epoch metric early stopping and restore-best watch, e.g. {@code val_loss} or {@code val_accuracy}. */
    public Optional<String> setMonitor(String monitor) {
        String m = monitor == null ? "" : monitor.strip();
        if (!m.matches("[a-z][a-z0-9_]*")) {
            return Optional.of("The watched metric must be a metric's name such as val_loss; got \"" + m + "\".");
        }
        return apply(s -> s.withOptions(s.options().withEarlyStopping(s.options().patience(), m)));
    }

    public Optional<String> setRestoreBest(boolean restore) {
        return apply(s -> s.withOptions(s.options().withRestoreBest(restore)));
    }

    public Optional<String> setInitializer(String initializer) {
        return apply(s -> s.withOptions(s.options().withInitializer(initializer)));
    }

    public Optional<String> setDevice(String device) {
        return apply(s -> s.withOptions(s.options().withDevice(device)));
    }

    private Optional<String> option(String text, String field, String example,
                                    BiFunction<TrainingOptions, Double, TrainingOptions> change) {
        return parseDouble(text, field, example).map(Optional::of)
                .orElseGet(() -> apply(s -> s.withOptions(change.apply(s.options(), number(text)))));
    }

    private static double number(String text) {
        return Double.parseDouble(text.strip());
    }

    private static Optional<String> parseDouble(String text, String field, String example) {
        try {
            double v = Double.parseDouble(text.strip());
            return Double.isFinite(v) ? Optional.empty()
                    : Optional.of(field + " must be a finite number such as " + example + "; got \"" + text.strip() + "\".");
        } catch (NumberFormatException e) {
            return Optional.of(field + " must be a number such as " + example + "; got \"" + text.strip() + "\".");
        }
    }

    /** Trains on other data from now on; the caller has checked that the data loads and fits the network. */
    public Optional<String> setData(DataRecipe data) {
        return apply(s -> s.withData(data));
    }

    /**
     * Trains on other data with another task (null: the proposal) from now on, saved as one change; the caller has
     * checked that both fit the network.
     */
    public Optional<String> setDataAndTask(DataRecipe data, Task task) {
        return apply(s -> s.withData(data).withTask(task));
    }

    /**
     * Trains {@code task} from now on instead of the proposal, or the proposal again when {@code task} is null; the
     * caller has checked the task against the network and the data (the settings cannot: they know neither).
     */
    public Optional<String> setTask(Task task) {
        return apply(s -> s.withTask(task));
    }

    private static Optional<String> parseInt(String text, String field) {
        try {
            Integer.parseInt(text.strip());
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(field + " must be a whole number; got \"" + text.strip() + "\".");
        }
    }

    /**
     * Refuses the change when it adds a problem the settings did not have, so a problem
     * elsewhere (say, a missing data file) does not block fixing the epochs.
     */
    private Optional<String> apply(Function<TrainingSettings, TrainingSettings> change) {
        TrainingSettings before = settings.get();
        TrainingSettings after = change.apply(before);
        if (after.equals(before)) {
            return Optional.empty();
        }
        Set<String> old = new HashSet<>(problems(before));
        List<String> added = problems(after).stream().filter(p -> !old.contains(p)).toList();
        if (!added.isEmpty()) {
            return Optional.of(added.get(0));
        }
        try {
            save.accept(after);
        } catch (RuntimeException e) {
            return Optional.of("Could not save the settings: " + e.getMessage());
        }
        settings.set(after);
        return Optional.empty();
    }

    /** The settings' own problems and the runner's refusal of their schedule (which the model cannot parse). */
    private static List<String> problems(TrainingSettings s) {
        List<String> all = new java.util.ArrayList<>(s.problems());
        OptionRules.scheduleProblem(s.options().schedule(), s.learningRate(), s.epochs()).ifPresent(all::add);
        return all;
    }
}
