package org.netwright.app.theme;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.paint.Color;
import org.netwright.model.catalog.LayerFamily;

/**
 * The colours of the pictures we draw ourselves on a canvas (gallery thumbnails, the import window's series and graph
 * drawings) in one theme: the same greys and family colours as the editor's cards in that theme. A canvas painted
 * through {@link #paint} is drawn again when the theme changes.
 *
 * @param background the picture's ground
 * @param card       a card's face
 * @param border     a card's outline
 * @param line       edges and connecting lines
 * @param ink        lines and marks that carry the data (a series' curve, a node without a class)
 * @param caption    words drawn under a picture
 * @param families   each layer family's colour, as the editor's cards show it
 * @param kinds      colours that tell classes (or parts of a picture) apart, used in turn
 */
public record DrawingColors(Color background, Color card, Color border, Color line, Color ink, Color caption,
                            Map<LayerFamily, Color> families, List<Color> kinds) {
    /** Primer Light's greys and the editor's light family colours. */
    public static final DrawingColors LIGHT = new DrawingColors(Color.web("#f7f9fb"), Color.WHITE,
            Color.web("#c3ccd7"), Color.web("#8795a5"), Color.web("#1e1e1e"), Color.web("#3c3c3c"), Map.of(
                    LayerFamily.INPUT, Color.web("#2e7d32"), LayerFamily.CORE, Color.web("#1565c0"),
                    LayerFamily.ACTIVATION, Color.web("#e65100"), LayerFamily.CONVOLUTION, Color.web("#6a1b9a"),
                    LayerFamily.MERGE, Color.web("#00838f"), LayerFamily.RECURRENT, Color.web("#ad1457"),
                    LayerFamily.ATTENTION, Color.web("#4527a0"), LayerFamily.GRAPH, Color.web("#558b2f"),
                    LayerFamily.GENERATIVE, Color.web("#6d4c41")),
            List.of(Color.rgb(26, 95, 180), Color.rgb(224, 108, 0), Color.rgb(46, 140, 60), Color.rgb(170, 40, 40),
                    Color.rgb(120, 70, 160), Color.rgb(120, 90, 60)));
    /** Primer Dark's greys and the editor's dark family colours (editor.css, {@code .theme-dark}). */
    public static final DrawingColors DARK = new DrawingColors(Color.web("#0d1117"), Color.web("#1c2128"),
            Color.web("#444c56"), Color.web("#6e7681"), Color.web("#e6edf3"), Color.web("#9da7b3"), Map.of(
                    LayerFamily.INPUT, Color.web("#3fb950"), LayerFamily.CORE, Color.web("#58a6ff"),
                    LayerFamily.ACTIVATION, Color.web("#f0883e"), LayerFamily.CONVOLUTION, Color.web("#bc8cff"),
                    LayerFamily.MERGE, Color.web("#39c5cf"), LayerFamily.RECURRENT, Color.web("#f778ba"),
                    LayerFamily.ATTENTION, Color.web("#a371f7"), LayerFamily.GRAPH, Color.web("#7ee787"),
                    LayerFamily.GENERATIVE, Color.web("#d29922")),
            List.of(Color.web("#58a6ff"), Color.web("#f0883e"), Color.web("#3fb950"), Color.web("#ff7b72"),
                    Color.web("#bc8cff"), Color.web("#d29922")));

    public DrawingColors {
        families = Map.copyOf(families);
        kinds = List.copyOf(kinds);
    }

    /** The colours of the theme the app is drawn in now. */
    public static DrawingColors current() {
        return of(Themes.isDark());
    }

    /** The dark or the light colours. */
    public static DrawingColors of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    /** A family's colour; grey for a layer of no known family. */
    public Color family(LayerFamily family) {
        return family == null ? Color.GREY : families.getOrDefault(family, Color.GREY);
    }

    /** The colour of class (or part) {@code index}, the colours used in turn when there are more. */
    public Color kind(int index) {
        return kinds.get(Math.floorMod(index, kinds.size()));
    }

    /**
     * Draws {@code canvas} with {@code draw} in the current theme's colours now and again whenever the theme changes
     * (FX thread). The canvas keeps the listener, so a canvas no longer shown is not kept alive by the theme.
     */
    public static Canvas paint(Canvas canvas, Consumer<DrawingColors> draw) {
        draw.accept(current());
        ChangeListener<Boolean> again = (o, was, dark) -> draw.accept(of(dark));
        canvas.getProperties().put(DrawingColors.class, again);
        Themes.darkProperty().addListener(new WeakChangeListener<>(again));
        return canvas;
    }
}
