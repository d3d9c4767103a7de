package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.editor.canvas.GraphCanvas;
import org.netwright.model.graph.Node;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every template opened in the app's window of 1600x1000, as File > New from Template opens it: at Fit each card's
 * title shows at 9 px or more on screen, measured by the canvas itself (font size times zoom), and shows whole.
 * It prints each template's zoom and smallest title, for information.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class TemplateTitlesUiTest {
    private static final double READABLE_PX = 9;
    @TempDir
    Path dir;
    private AppWindowFixture app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        app = AppWindowFixture.open(stage, dir, moons.graph(), moons.settings(), (p, s, e) -> {
            throw new AssertionError("no training in this test");
        });
        stage.setWidth(1600);
        stage.setHeight(1000);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void everyTemplatesTitlesAreReadableAndWholeAtFit(FxRobot robot) {
        List<String> problems = new ArrayList<>();
        for (Template t : TemplateLibrary.all()) {
            robot.interact(() -> app.workspace.createDraft(t).ifPresent(why -> problems.add(t.id() + ": " + why)));
            AppWindowFixture.waitUntil(t.id() + " to open", 30, () -> app.workspace.session() != null
                    && app.workspace.session().file().getFileName().toString().startsWith(t.id() + "-"));
            WaitForAsyncUtils.waitForFxEvents();
            GraphCanvas canvas = robot.lookup("#graph-canvas").queryAs(GraphCanvas.class);
            double smallest = Double.MAX_VALUE;
            int shortened = 0;
            for (Node node : app.workspace.session().editor().graph().nodes().values()) {
                double px = canvas.titleSizeOnScreen(node.id()).orElse(-1);
                if (px < READABLE_PX - 1e-6) {
                    problems.add(t.id() + ": " + node.id() + (px < 0 ? " is not drawn at Fit" : "'s title is " + px + " px"));
                }
                smallest = Math.min(smallest, px);
                String shown = canvas.titleShown(node.id()).orElse("");
                if (shown.contains("\u2026")) {
                    shortened++;
                    problems.add(t.id() + ": " + node.id() + "'s title shows as '" + shown.replace('\n', ' ') + "'");
                }
            }
            System.out.printf("%-24s %3d nodes, Fit at %3.0f %%, smallest title %.1f px, %d shortened%n", t.id(),
                    app.workspace.session().editor().graph().nodes().size(), canvas.zoomProperty().get() * 100,
                    smallest, shortened);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
