package org.netwright.editor.palette;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.netwright.model.catalog.LayerSpec;

/**
 * Which catalog entries the palette's search text finds (any case): the layers whose name or id contains it; only
 * when none does, those whose explanation does ("probabil" finds Softmax). So "conv" lists the convolutions and not
 * Flatten, PReLU or SiLU, whose explanations merely mention convolutions.
 */
final class PaletteFilter {
    private PaletteFilter() {
    }

    /** The ids of the entries {@code query} finds among {@code specs}; all of them for a blank query. */
    static Set<String> hits(Collection<LayerSpec> specs, String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        Set<String> byName = new LinkedHashSet<>();
        Set<String> byExplanation = new LinkedHashSet<>();
        for (LayerSpec spec : specs) {
            if (q.isEmpty() || spec.name().toLowerCase(Locale.ROOT).contains(q)
                    || spec.id().toLowerCase(Locale.ROOT).contains(q)) {
                byName.add(spec.id());
            } else if (spec.explanation().toLowerCase(Locale.ROOT).contains(q)) {
                byExplanation.add(spec.id());
            }
        }
        return byName.isEmpty() ? byExplanation : byName;
    }
}
