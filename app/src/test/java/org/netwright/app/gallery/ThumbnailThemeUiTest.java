package org.netwright.app.gallery;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netwright.app.project.TemplateLayouts;
import org.netwright.app.theme.DrawingColors;
import org.netwright.app.theme.Theme;
import org.netwright.app.theme.Themes;
import org.netwright.templates.TemplateLibrary;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A gallery thumbnail is drawn in the theme's colours, and again in the other theme's when the theme changes. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ThumbnailThemeUiTest {
    @Start
    void start(Stage stage) {
        stage.show();
    }

    @AfterEach
    void light() {
        // The other tests expect the toolkit's own light look.
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
                if (close(image.getPixelReader().getColor(x, y), colour)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean close(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.02 && Math.abs(a.getGreen() - b.getGreen()) < 0.02
                && Math.abs(a.getBlue() - b.getBlue()) < 0.02;
    }

    @Test
    void theThumbnailFollowsTheTheme() {
        AtomicReference<Canvas> canvas = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            Themes.apply(Theme.DARK);
            canvas.set(Thumbnail.of(TemplateLayouts.laidOut(TemplateLibrary.find("lenet5").orElseThrow()), 276, 130));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Image dark = snapshot(canvas.get());
        assertTrue(close(DrawingColors.DARK.background(), dark.getPixelReader().getColor(1, 1)),
                "the ground is " + dark.getPixelReader().getColor(1, 1));
        assertTrue(shows(dark, DrawingColors.DARK.card()), "no card face in the dark colour");
        assertTrue(!shows(dark, Color.WHITE), "a white card in the dark theme");

        WaitForAsyncUtils.asyncFx(() -> Themes.apply(Theme.LIGHT));
        WaitForAsyncUtils.waitForFxEvents();
        Image light = snapshot(canvas.get());
        assertTrue(close(DrawingColors.LIGHT.background(), light.getPixelReader().getColor(1, 1)),
                "redrawn light: " + light.getPixelReader().getColor(1, 1));
        assertTrue(shows(light, Color.WHITE), "the light theme's white cards");
    }
}
