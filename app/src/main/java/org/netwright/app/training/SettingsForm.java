package org.netwright.app.training;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.netwright.model.settings.DataRecipe;
import org.netwright.model.settings.TrainingSettings;

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

    public Optional<String> setOptimizer(String optimizer) {
        return apply(s -> s.withOptimizer(optimizer));
    }

    /** Trains on other data from now on; the caller has checked that the data loads and fits the network. */
    public Optional<String> setData(DataRecipe data) {
        return apply(s -> s.withData(data));
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
        Set<String> old = new HashSet<>(before.problems());
        List<String> added = after.problems().stream().filter(p -> !old.contains(p)).toList();
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
}
