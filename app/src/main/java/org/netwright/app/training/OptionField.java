package org.netwright.app.training;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.netwright.model.settings.TrainingSettings;

/**
 * One training option as the options dialog shows it: its saved value as text, a help line in a student's words,
 * whether it applies to the settings as they are (momentum only for momentum and Nesterov), and why the last value
 * typed into it was refused. A refused value changes nothing; the field shows the saved value again.
 */
public final class OptionField {
    /** How the value is entered: typed, picked from {@link #choices()}, or ticked ({@code true}/{@code false}). */
    public enum Kind { TEXT, CHOICE, FLAG }

    private final String id;
    private final String label;
    private final String help;
    private final Kind kind;
    private final List<String> choices;
    private final Function<TrainingSettings, String> show;
    private final Function<String, Optional<String>> commit;
    private final Predicate<TrainingSettings> applies;
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper applicable = new ReadOnlyBooleanWrapper(true);

    OptionField(String id, String label, String help, Kind kind, List<String> choices,
                Function<TrainingSettings, String> show, Function<String, Optional<String>> commit,
                Predicate<TrainingSettings> applies) {
        this.id = id;
        this.label = label;
        this.help = help;
        this.kind = kind;
        this.choices = List.copyOf(choices);
        this.show = show;
        this.commit = commit;
        this.applies = applies;
    }

    /** Follows the saved settings: the value shown and whether the option applies. */
    void refresh(TrainingSettings settings) {
        value.set(show.apply(settings));
        boolean now = applies.test(settings);
        if (!now) {
            // A refusal under a field that no longer applies would point at something the user cannot change.
            error.set("");
        }
        applicable.set(now);
    }

    /** Saves {@code text} as this option's value, or says in {@link #errorProperty()} why it is refused. */
    public void commit(String text) {
        // The same value again (focus leaving a field that was put back) keeps the refusal in view.
        if (text == null || text.strip().equals(value.get())) {
            return;
        }
        String kept = value.get();
        // The field goes back to the saved value, so the reason says so: a refusal of -1 under a field showing 0
        // read as if the 0 were wrong.
        error.set(commit.apply(text).map(why -> why + " Kept " + (kept.isEmpty() ? "as it was" : kept) + ".")
                .orElse(""));
    }

    /** CSS id of the control, e.g. {@code option-momentum}. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** What the option does, in a student's words. */
    public String help() {
        return help;
    }

    public Kind kind() {
        return kind;
    }

    /** The values a {@link Kind#CHOICE} offers; empty for the others. */
    public List<String> choices() {
        return choices;
    }

    /** The saved value as text ({@code true}/{@code false} for a flag). */
    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    /** Why the last value was refused; empty when it was saved. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** False when the option does nothing with the settings as they are, e.g. momentum with Adam. */
    public ReadOnlyBooleanProperty applicableProperty() {
        return applicable.getReadOnlyProperty();
    }
}
