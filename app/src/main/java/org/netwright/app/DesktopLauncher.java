package org.netwright.app;

import java.nio.file.Path;
import javafx.application.Application;

/**
 * Starts JavaFX from the plain class path. It does not extend {@link Application}: the JavaFX
 * launcher refuses a main class that does when the JavaFX modules are not on the module path.
 */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    /** Opens the window on {@code project}, or on the sample project when it is null. */
    static void launch(Path project) {
        // The project's opening goes on while JavaFX starts and the window is built.
        NetwrightApp.beginOpening(project == null ? java.util.List.of() : java.util.List.of(project.toString()),
                Path.of(System.getProperty("user.home")));
        if (project == null) {
            Application.launch(NetwrightApp.class);
        } else {
            Application.launch(NetwrightApp.class, project.toString());
        }
    }
}
