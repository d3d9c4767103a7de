package org.netwright.editor.palette;

import java.util.Locale;
import org.netwright.model.catalog.LayerSpec;

/** Whether a catalog entry matches the palette's search text (name, id or explanation, any case). */
final class PaletteFilter {
    private PaletteFilter() {
    }

    static boolean matches(LayerSpec spec, String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return true;
        }
        return spec.name().toLowerCase(Locale.ROOT).contains(q)
                || spec.id().toLowerCase(Locale.ROOT).contains(q)
                || spec.explanation().toLowerCase(Locale.ROOT).contains(q);
    }
}
