package org.netwright.app;

import java.nio.file.Path;

/**
 * The launcher's entry point: no arguments or one {@code .nwproj} file open the desktop app,
 * anything else is a command for the headless CLI.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        boolean desktop = args.length == 0 || (args.length == 1 && args[0].endsWith(".nwproj"));
        if (desktop) {
            java.util.Optional<String> noDisplay = DisplayCheck.missing(System.getProperty("os.name"), System.getenv(),
                    System.getProperty("glass.platform"));
            if (noDisplay.isPresent()) {
                System.err.println(noDisplay.get());
                System.exit(2);
            }
        }
        if (args.length == 0) {
            DesktopLauncher.launch(null);
        } else if (args.length == 1 && args[0].endsWith(".nwproj")) {
            DesktopLauncher.launch(Path.of(args[0]).toAbsolutePath());
        } else {
            // Only the runner's classes load on this path: the CLI must work without a display
            // and without JavaFX's native libraries, so nothing here may reference JavaFX.
            org.netwright.runner.cli.Cli.main(args);
        }
    }
}
