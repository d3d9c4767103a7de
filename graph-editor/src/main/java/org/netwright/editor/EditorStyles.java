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

    /**
     * Gives a view the editor stylesheet wherever it is embedded: the sheet is added to the scene the view is shown
     * in (once, after the sheets the scene has), not to the view itself. A sheet on a view is a parent stylesheet,
     * and JavaFX notes every parent styled under one in a list it searches from end to end each time, so the
     * hundreds of cards of a large graph took a quarter of a second to style; a scene's sheets have no such list.
     */
    public static void apply(Parent view) {
        view.sceneProperty().addListener((o, was, now) -> addTo(now));
        addTo(view.getScene());
    }

    private static void addTo(javafx.scene.Scene scene) {
        String url = SHEET.toExternalForm();
        if (scene != null && !scene.getStylesheets().contains(url)) {
            scene.getStylesheets().add(url);
        }
    }

    /** The style class carrying a layer family's colour, e.g. {@code family-convolution}. */
    public static String familyClass(LayerFamily family) {
        return "family-" + family.name().toLowerCase(Locale.ROOT);
    }
}
