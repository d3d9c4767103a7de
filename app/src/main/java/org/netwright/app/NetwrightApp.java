package org.netwright.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;
import org.netwright.app.project.RecentProjects;
import org.netwright.app.project.SampleProject;
import org.netwright.app.project.UserFolders;
import org.netwright.app.project.TemplateLayouts;
import org.netwright.app.project.Workspace;
import org.netwright.app.theme.ThemePreference;
import org.netwright.app.theme.Themes;
import org.netwright.app.training.RunStarter;

/** The JavaFX application: opens the project named on the command line, or the bundled sample. */
public final class NetwrightApp extends Application {
    /** How long after the first project's opening the templates are laid out for the gallery. */
    private static final javafx.util.Duration LAYOUTS_AFTER = javafx.util.Duration.seconds(3);
    private Workspace workspace;
    private MainWindow window;
    /** The first project's opening, begun by the launcher before JavaFX started (see {@link #beginOpening}). */
    private static volatile org.netwright.app.project.OpeningAhead openingAhead;

    /**
     * Begins opening the project the window will open first ({@link #firstProject}), on a thread of its own, before
     * the toolkit starts: the file's check and read, its shapes and the editor's model are then ready (or nearly)
     * when the window has been drawn, instead of starting after it.
     */
    static void beginOpening(List<String> args, Path home) {
        firstProject(args, RecentProjects.inHome(home))
                .ifPresent(file -> openingAhead = Workspace.beginOpening(file));
    }

    /** The project the window opens first: the one named on the command line, else the one open last, if any. */
    static Optional<Path> firstProject(List<String> args, RecentProjects recent) {
        return !args.isEmpty() ? Optional.of(Path.of(args.get(0))) : recent.last();
    }

    @Override
    public void start(Stage stage) {
        // Messages about data name this app's controls, not the CLI's flags (and so do the child processes' ones).
        System.setProperty(org.netwright.runner.data.DataOption.AUDIENCE_PROPERTY, "app");
        Path home = Path.of(System.getProperty("user.home"));
        Path projects = UserFolders.projects(home);
        workspace = new Workspace(RecentProjects.inHome(home));
        org.netwright.app.project.OpeningAhead ahead = openingAhead;
        openingAhead = null;
        if (ahead != null) {
            workspace.adopt(ahead);
        } else {
            // While the window is built: SQLite's library and the JSON reader, which the first project's opening needs.
            org.netwright.app.project.OpenWarmUp.startInBackground();
        }
        // The theme chosen last, before anything is drawn.
        ThemePreference theme = ThemePreference.inHome(home);
        Themes.apply(theme.load());
        window = new MainWindow(stage, workspace, RunStarter.childJvm(), projects);
        window.addThemeMenu(theme);
        List<String> args = getParameters().getRaw();
        RecentProjects recent = RecentProjects.inHome(home);
        Optional<Path> first = firstProject(args, recent);
        first.ifPresent(window::showOpening);
        stage.show();
        // The window is drawn once before the project opens, so it shows at once however large the project is.
        javafx.scene.Scene scene = stage.getScene();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            if (once[0] == null) {
                return;
            }
            Runnable listener = once[0];
            once[0] = null;
            javafx.application.Platform.runLater(() -> {
                scene.removePostLayoutPulseListener(listener);
                openFirst(args, recent, projects);
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Opens the project named on the command line, else the one open last, else the sample. */
    private void openFirst(List<String> args, RecentProjects recent, Path projects) {
        // The gallery's layouts (ELK's classes and a layout per template, seconds of a core) once the project shows:
        // begun at launch, they took one of two cores from the window's first frame. A gallery opened sooner lays
        // out what it needs itself.
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(LAYOUTS_AFTER);
        later.setOnFinished(e -> TemplateLayouts.prepareInBackground());
        later.play();
        // No file named: the project the user had open last, as they left it; the sample only the first time.
        Optional<String> refused = firstProject(args, recent).map(workspace::open).orElse(Optional.of(""));
        if (refused.isEmpty()) {
            javafx.application.Platform.runLater(window::offerTourOnce);
            return;
        }
        // Open the sample first, so the error is shown over a working window, not an empty one.
        openSample(projects);
        // The first launch: the tour, once, over the sample (after any error, which the user reads first).
        javafx.application.Platform.runLater(window::offerTourOnce);
        if (!args.isEmpty()) {
            window.files().showError("Could not open " + Path.of(args.get(0)).getFileName(), refused.get());
        }
    }

    private void openSample(Path projects) {
        try {
            workspace.open(SampleProject.ensure(projects))
                    .ifPresent(why -> window.files().showError("Could not open the sample project", why));
        } catch (IOException | RuntimeException e) {
            window.files().showError("Could not create the sample project", "Netwright could not write "
                    + projects.resolve(SampleProject.FILE_NAME) + ": " + e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
        if (workspace != null) {
            workspace.close();
        }
    }
}
