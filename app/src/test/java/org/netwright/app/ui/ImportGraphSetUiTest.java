package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.dataimport.GraphSetFiles;
import org.netwright.app.dataimport.ImportDataWindow;
import org.netwright.app.training.RunStarter;
import org.netwright.model.graph.Graph;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File > Import Data… on a set of graphs (edge, node and graph tables): the graph count, node and edge statistics,
 * class counts and a drawing of one graph show; Use this data and Fit the network to the data make the graph
 * classification network take the largest graph, its two features and three classes, after which the Data row's check
 * passes and Train is enabled.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class ImportGraphSetUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;
    private final Template template = TemplateLibrary.find("gnn-graph-classify").orElseThrow();
    private final Graph before = template.graph();

    @Start
    void start(Stage stage) {
        app = AppWindowFixture.open(stage, dir, before, template.settings(), RunStarter.childJvm());
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aSetOfGraphsIsPreviewedAndTheNetworkFittedToIt(FxRobot robot) throws Exception {
        // The window holds the template laid out as the app opens templates, not the template's raw places.
        Graph shown = app.workspace.session().editor().graph();
        Path edges = GraphSetFiles.write(Files.createDirectories(dir.resolve("shapes")));
        robot.clickOn("File").clickOn("#menu-import-data");
        AppWindowFixture.waitUntil("the Import Data window", 10, () -> window() != null);
        ImportDataWindow window = window();
        WaitForAsyncUtils.asyncFx(() -> {
            window.setX(60);
            window.setY(20);
            window.chooseFilesWith(owner -> edges);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#import-choose-file");
        AppWindowFixture.waitUntil("the graph drawing", 20, () -> robot.lookup(".import-graph").queryAll().size() == 3);

        assertEquals("Detected: graphs (classification) — 30 graphs", text(robot, "#import-kind"));
        assertEquals("Classes: chain 10, ring 10, star 10", text(robot, "#import-classes"));
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().startsWith("30 graphs of 4 to 7 nodes")), "node and edge statistics");
        assertTrue(text(robot, "#import-shapes").contains("node_features"), text(robot, "#import-shapes"));
        assertTrue(robot.lookup("#import-label").tryQuery().isEmpty(), "a table's options do not apply to graphs");
        assertFalse(text(robot, "#import-problem").isEmpty(), "20 nodes of 1 feature and 2 classes do not fit");

        robot.clickOn("#import-use");
        AppWindowFixture.waitUntil("the data saved", 10, () -> edges.toString().equals(
                app.window.trainingPanel().dataRow().model().settings().data().options().get("path")));
        robot.clickOn("#import-fit");
        try {
            AppWindowFixture.waitUntil("the network fitted and checked", 20,
                    () -> text(robot, "#import-problem").isEmpty()
                            && app.window.trainingPanel().dataRow().model().errorProperty().get().isEmpty()
                            && !app.workspace.session().editor().graph().equals(shown));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": import said '" + text(robot, "#import-message")
                    + "', problem '" + text(robot, "#import-problem") + "', the Data row '"
                    + app.window.trainingPanel().dataRow().model().errorProperty().get() + "'", e);
        }
        Graph after = app.workspace.session().editor().graph();
        assertEquals(GraphSetFiles.LARGEST, after.node("input").orElseThrow().params().get("nodes"));
        assertEquals(2, after.node("input").orElseThrow().params().get("features"));
        assertEquals(3, after.node("dense_2").orElseThrow().params().get("units"));
        assertTrue(text(robot, "#import-message").startsWith("Fitted: "), text(robot, "#import-message"));
        AppWindowFixture.waitUntil("Train enabled", 10, () -> !robot.lookup("#train-button").queryButton()
                .isDisabled());

        String shot = System.getProperty("netwright.screenshot.more");
        if (shot != null) {
            WaitForAsyncUtils.waitForFxEvents();
            var image = WaitForAsyncUtils.asyncFx(() -> window.getScene().snapshot(null)).get();
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", Path.of(shot, "graphs.png").toFile());
        }

        WaitForAsyncUtils.asyncFx(() -> app.workspace.session().editor().undo());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(shown, app.workspace.session().editor().graph(), "one undo takes the whole fit back");
    }

    private static ImportDataWindow window() {
        return Window.getWindows().stream().filter(w -> w instanceof ImportDataWindow)
                .map(w -> (ImportDataWindow) w).findFirst().orElse(null);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }
}
