package org.netwright.app.dataimport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netwright.app.theme.DrawingColors;
import org.netwright.app.theme.Theme;
import org.netwright.app.theme.Themes;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The import window's series and graph drawings use the theme's ground and ink, and follow a change of theme. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ImportDrawingsThemeUiTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    @AfterEach
    void light() {
        WaitForAsyncUtils.asyncFx(() -> {
            Themes.apply(Theme.LIGHT);
            javafx.application.Application.setUserAgentStylesheet(null);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Image snapshot(Canvas canvas) {
        AtomicReference<Image> image = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> image.set(canvas.snapshot(null, null)));
        WaitForAsyncUtils.waitForFxEvents();
        return image.get();
    }

    private static boolean shows(Image image, Color colour) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = image.getPixelReader().getColor(x, y);
                if (Math.abs(c.getRed() - colour.getRed()) < 0.02 && Math.abs(c.getGreen() - colour.getGreen()) < 0.02
                        && Math.abs(c.getBlue() - colour.getBlue()) < 0.02) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Color ground(Image image) {
        return image.getPixelReader().getColor((int) image.getWidth() - 2, 1);
    }

    @Test
    void theSeriesAndTheGraphAreDrawnInTheThemesColours() {
        double[] values = new double[60];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.sin(i / 4.0);
        }
        DataPreview.GraphPicture graph = new DataPreview.GraphPicture("a ring of 4 nodes",
                new double[] {0, 1, 1, 0}, new double[] {0, 0, 1, 1}, List.of(new int[] {0, 1}, new int[] {1, 2},
                new int[] {2, 3}, new int[] {3, 0}), new int[] {-1, -1, -1, -1}, List.of());
        AtomicReference<Canvas> series = new AtomicReference<>();
        AtomicReference<Canvas> picture = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            Themes.apply(Theme.DARK);
            series.set((Canvas) ImportDataWindow.series(new DataPreview.Series("sales", values, 12, 4)));
            Node box = ImportDataWindow.graphPicture(graph, 260);
            picture.set((Canvas) ((VBox) box).getChildren().get(0));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Image darkSeries = snapshot(series.get());
        Image darkGraph = snapshot(picture.get());
        DrawingColors dark = DrawingColors.DARK;
        look(darkSeries, "import-series-dark");
        look(darkGraph, "import-graph-dark");
        assertTrue(shows(darkSeries, dark.background()) && !shows(darkSeries, Color.WHITE), "series ground");
        assertTrue(shows(darkSeries, dark.ink()), "the curve in the dark theme's ink");
        assertTrue(shows(darkGraph, dark.background()) && shows(darkGraph, dark.ink()), "graph ground and nodes");
        assertTrue(!shows(darkGraph, Color.rgb(60, 60, 60)), "nodes in the light theme's grey");

        WaitForAsyncUtils.asyncFx(() -> Themes.apply(Theme.LIGHT));
        WaitForAsyncUtils.waitForFxEvents();
        Image lightSeries = snapshot(series.get());
        assertTrue(shows(lightSeries, DrawingColors.LIGHT.background()), "redrawn light: " + ground(lightSeries));
        assertTrue(shows(snapshot(picture.get()), DrawingColors.LIGHT.ink()), "graph nodes redrawn light");
    }

    /** Writes a drawing to {@code netwright.screenshot.more}/NAME.png when asked (to look at it, not for the README). */
    private static void look(Image image, String name) {
        String dir = System.getProperty("netwright.screenshot.more");
        if (dir == null) {
            return;
        }
        try {
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                    java.nio.file.Path.of(dir, name + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new AssertionError("the drawing " + name + " could not be written", e);
        }
    }
}
