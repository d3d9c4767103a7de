package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.netwright.templates.user.UserTemplate;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File > Save as Template… keeps the open network in the user's library; the gallery shows it under "My templates"
 * (with a file it cannot read listed and left alone), opens it as a new project and removes it.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class UserTemplatesUiTest {
    @TempDir
    Path dir;
    private AppWindowFixture app;
    private Graph moved;

    @Start
    void start(Stage stage) {
        // The app's own look (AtlantaFX caps its dialogs at 600 px, which is what cut their texts).
        org.netwright.app.theme.Themes.apply(org.netwright.app.theme.Theme.LIGHT);
        Template moons = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        // A layout of the user's own, which the template must keep.
        Node first = moons.graph().nodes().values().iterator().next();
        moved = moons.graph().withNode(first.at(first.x() + 37, first.y() + 211));
        app = AppWindowFixture.open(stage, dir, moved, moons.settings(), (p, s, e) -> {
            throw new AssertionError("no training in this test");
        });
    }

    @AfterEach
    void close() {
        app.close();
        // Back to JavaFX's own stylesheet, which the other window tests are laid out in.
        WaitForAsyncUtils.asyncFx(() -> javafx.application.Application.setUserAgentStylesheet(null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void savedTemplateShowsUnderMyTemplatesOpensAsANewProjectAndIsRemoved(FxRobot robot) throws Exception {
        Path folder = dir.resolve(".netwright").resolve("templates");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("half.json"), "{\"format\": \"netwright-template\"");

        robot.clickOn("File").clickOn("#menu-save-template");
        AppWindowFixture.waitUntil("the save dialog", 10, () -> robot.lookup("#template-name").tryQuery().isPresent());
        for (String field : List.of("Name", "Description", "Tags")) {
            Label name = robot.lookup((javafx.scene.Node n) -> n instanceof Label l && field.equals(l.getText()))
                    .queryAs(Label.class);
            assertTrue(AppWindowFixture.shownWhole(name), field + " is cut");
        }
        robot.doubleClickOn("#template-name").eraseText(40);
        robot.clickOn("Save");
        assertEquals("Give the template a name.", robot.lookup("#template-problem").queryAs(Label.class).getText());
        robot.clickOn("#template-name").write("Moons, my way");
        robot.clickOn("#template-description").write("Two moons with my layout.");
        robot.clickOn("#template-tags").write("toy, 2d");
        robot.clickOn("Save");
        Path file = folder.resolve("moons-my-way.json");
        AppWindowFixture.waitUntil("the template file", 10, () -> Files.isRegularFile(file));
        // The save is confirmed with where the file is and where the template shows.
        AppWindowFixture.waitUntil("the confirmation", 10, () -> robot.lookup("#template-saved").tryQuery().isPresent());
        String said = robot.lookup("#template-saved").queryAs(javafx.scene.control.DialogPane.class).getContentText();
        assertTrue(said.contains(file.toString()) && said.contains("My templates")
                && said.contains("\u201cMoons, my way\u201d"), said);
        robot.clickOn("OK");

        robot.clickOn("File").clickOn("#menu-new");
        AppWindowFixture.waitUntil("the gallery", 20, () -> robot.lookup("#template-my-moons-my-way").tryQuery()
                .isPresent());
        assertTrue(robot.lookup("#my-templates #template-my-moons-my-way").tryQuery().isPresent());
        String skipped = robot.lookup("#skipped-templates").queryAs(Label.class).getText();
        assertTrue(skipped.startsWith("half.json is skipped: it is not valid JSON"), skipped);
        assertTrue(robot.lookup("#template-my-moons-my-way .gallery-tags").queryAs(Label.class).getText()
                .equals("Tags: toy, 2d"));
        robot.clickOn("#template-my-moons-my-way");
        robot.clickOn("Open");
        AppWindowFixture.waitUntil("the template to open", 20, () -> app.workspace.session() != null
                && app.workspace.session().file().getFileName().toString().startsWith("my-moons-my-way"));
        assertTrue(app.workspace.isDraft());
        assertEquals(moved, app.workspace.session().editor().graph(), "the network as saved, with its own layout");

        robot.clickOn("File").clickOn("#menu-new");
        AppWindowFixture.waitUntil("the gallery", 20, () -> robot.lookup("#remove-my-moons-my-way").tryQuery()
                .isPresent());
        robot.clickOn("#remove-my-moons-my-way");
        robot.clickOn("OK");
        AppWindowFixture.waitUntil("the tile to go", 10, () -> robot.lookup("#template-my-moons-my-way").tryQuery()
                .isEmpty());
        robot.clickOn("Cancel");
        assertTrue(Files.notExists(file));
        assertEquals("{\"format\": \"netwright-template\"", Files.readString(folder.resolve("half.json")),
                "a file the gallery cannot read is left as it was");
        assertEquals(List.of(), app.workspace.userTemplates().list().templates().stream().map(UserTemplate::name)
                .toList());
    }
}
