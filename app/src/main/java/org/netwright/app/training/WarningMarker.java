package org.netwright.app.training;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.netwright.model.run.RunWarning;

/**
 * A place on the loss chart where an epoch raised health warnings: the epoch (the chart's x) and a short label naming
 * the kinds, e.g. "vanishing gradients (3 layers)".
 *
 * @param epoch    the epoch that raised them
 * @param label    the text drawn beside the marker
 * @param warnings the warnings themselves
 */
public record WarningMarker(int epoch, String label, List<RunWarning> warnings) {
    public WarningMarker {
        warnings = List.copyOf(warnings);
    }

    /** The marker of an epoch's warnings; its label counts the layers of each kind. */
    public static WarningMarker of(int epoch, List<RunWarning> warnings) {
        String label = warnings.stream().collect(Collectors.groupingBy(RunWarning::kind, java.util.LinkedHashMap::new,
                Collectors.counting())).entrySet().stream().map(e -> words(e.getKey())
                + (e.getValue() > 1 ? String.format(Locale.ROOT, " (%d layers)", e.getValue()) : ""))
                .collect(Collectors.joining(", "));
        return new WarningMarker(epoch, label, warnings);
    }

    /** A kind in words: {@code vanishing_gradients} -> "vanishing gradients". */
    static String words(String kind) {
        return switch (kind) {
            case RunWarning.DEAD_RELU -> "dead ReLUs";
            default -> kind.replace('_', ' ');
        };
    }
}
