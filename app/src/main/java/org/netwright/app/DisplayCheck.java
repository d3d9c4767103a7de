package org.netwright.app;

import java.util.Map;
import java.util.Optional;

/**
 * Whether the desktop app can open a window here. On Linux JavaFX needs an X or Wayland display; without one it
 * stops with a stack trace from deep inside GTK, so the launcher says what is missing in a sentence instead.
 */
final class DisplayCheck {
    private DisplayCheck() {
    }

    /** Why no window can open, for an OS name, the environment and the {@code glass.platform} property; else empty. */
    static Optional<String> missing(String osName, Map<String, String> env, String glassPlatform) {
        boolean linux = osName != null && osName.toLowerCase(java.util.Locale.ROOT).contains("linux");
        if (!linux || "Monocle".equalsIgnoreCase(glassPlatform)) {
            return Optional.empty();
        }
        if (present(env.get("DISPLAY")) || present(env.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return Optional.of("netwright: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); start"
                + " it from a desktop session, or use a command that needs none, e.g. `netwright templates` or"
                + " `netwright train --template two-moons-mlp` (`netwright help` lists them all)");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
