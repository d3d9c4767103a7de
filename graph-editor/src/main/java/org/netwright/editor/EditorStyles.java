package org.netwright.editor;

import java.net.URL;
import java.util.Locale;
import javafx.scene.Parent;
import org.netwright.model.catalog.LayerFamily;

/** The editor's stylesheet and the style-class names shared by its views. */
public final class EditorStyles {
    private static final URL SHEET = EditorStyles.class.getResource("editor.css");

    private EditorStyles() {
    }

    /** Adds the editor stylesheet to a view once, so each view looks right wherever it is embedded. */
    public static void apply(Parent view) {
        String url = SHEET.toExternalForm();
        if (!view.getStylesheets().contains(url)) {
            view.getStylesheets().add(url);
        }
    }

    /** The style class carrying a layer family's colour, e.g. {@code family-convolution}. */
    public static String familyClass(LayerFamily family) {
        return "family-" + family.name().toLowerCase(Locale.ROOT);
    }
}
