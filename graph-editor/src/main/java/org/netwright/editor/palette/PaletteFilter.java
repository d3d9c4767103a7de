package org.netwright.editor.palette;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.netwright.model.catalog.LayerSpec;

/**
 * Which catalog entries a layer search finds (any case): the layers whose name or id contains it, spaces, underscores
 * and hyphens aside ("max pool" finds MaxPool2d, "maxpool" finds Global max pooling); only when none does, those
 * whose explanation does ("probabil" finds Softmax). So "conv" lists the convolutions and not Flatten, PReLU or SiLU,
 * whose explanations merely mention convolutions. The palette and the list offered for a dropped wire both search so.
 */
public final class PaletteFilter {
    private PaletteFilter() {
    }

    /** The ids of the entries {@code query} finds among {@code specs}; all of them for a blank query. */
    public static Set<String> hits(Collection<LayerSpec> specs, String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        String word = compact(q);
        Set<String> byName = new LinkedHashSet<>();
        Set<String> byExplanation = new LinkedHashSet<>();
        for (LayerSpec spec : specs) {
            if (word.isEmpty() || compact(spec.name()).contains(word) || compact(spec.id()).contains(word)) {
                byName.add(spec.id());
            } else if (spec.explanation().toLowerCase(Locale.ROOT).contains(q)) {
                byExplanation.add(spec.id());
            }
        }
        return byName.isEmpty() ? byExplanation : byName;
    }

    /** "Max pool_2d" -> "maxpool2d": a name as typed, whatever the user puts between its words. */
    private static String compact(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }
}
