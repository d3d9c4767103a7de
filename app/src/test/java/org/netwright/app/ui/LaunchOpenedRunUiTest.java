package org.netwright.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netwright.app.MainWindow;
import org.netwright.app.project.RecentProjects;
import org.netwright.app.project.Workspace;
import org.netwright.app.training.RunStarter;
import org.netwright.model.json.SettingsJson;
import org.netwright.model.store.MetricPoint;
import org.netwright.model.store.ProjectStore;
import org.netwright.templates.Template;
import org.netwright.templates.TemplateLibrary;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The project a launch opens (begun before JavaFX started, then taken by the window) is not read ahead, so the read of
 * its last run does not share the cores with JavaFX starting: it is read when the window shows the project, and the
 * run's curves come as for any project.
 */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class LaunchOpenedRunUiTest {
    @TempDir
    Path dir;
    private Workspace workspace;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Template t = TemplateLibrary.find("two-moons-mlp").orElseThrow();
        Path file = dir.resolve("launched.nwproj");
        try (ProjectStore store = ProjectStore.create(file)) {
            store.saveGraph(t.graph(), "test setup");
            store.saveSettings(t.settings());
            long run = store.startRun(SettingsJson.write(t.settings()), "cpu");
            List<MetricPoint> points = new ArrayList<>();
            for (int s = 1; s <= 200; s++) {
                points.add(new MetricPoint(s, 1 + (s - 1) / 100, "train/loss", 1.0 / s, s * 0.01));
            }
            store.appendMetrics(run, points);
            store.finishRun(run, "completed", "{}");
        }
        // As DesktopLauncher and NetwrightApp do: the opening begins first, the window takes it once it is drawn.
        var opening = Workspace.beginOpening(file);
        workspace = new Workspace(RecentProjects.inHome(dir));
        workspace.adopt(opening);
        window = new MainWindow(stage, workspace, RunStarter.childJvm(), dir);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        Platform.runLater(() -> workspace.open(file).ifPresent(why -> {
            throw new IllegalStateException(why);
        }));
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> {
            window.dispose();
            workspace.close();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theLaunchedProjectsLastRunIsReadWhenTheWindowShowsIt() {
        AppWindowFixture.waitUntil("the launched project open", 30, () -> workspace.session() != null);
        assertFalse(workspace.session().lastRunAhead().wasBegun(), "a launched project is not read ahead");
        AppWindowFixture.waitUntil("the last run's curves", 30, () -> window.trainingPanel() != null
                && window.trainingPanel().model().statusProperty().get().startsWith("Showing the last run")
                && window.trainingPanel().model().trainLossPointCount() == 200);
    }
}
