package org.netwright.app.theme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop prefers a dark theme, where that can be told (JavaFX 21 does not say): on Linux from
 * {@code GTK_THEME} or GNOME's {@code color-scheme} setting; empty elsewhere or when neither answers.
 */
public final class SystemTheme {
    private SystemTheme() {
    }

    /** True for dark, false for light, empty when the desktop does not tell. */
    public static Optional<Boolean> prefersDark() {
        String gtk = System.getenv("GTK_THEME");
        if (gtk != null && !gtk.isBlank()) {
            return Optional.of(gtk.toLowerCase(Locale.ROOT).contains("dark"));
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        return gsettings("color-scheme").flatMap(SystemTheme::fromColorScheme);
    }

    /** GNOME's answer: {@code 'prefer-dark'}, {@code 'prefer-light'} or {@code 'default'} (light). */
    static Optional<Boolean> fromColorScheme(String value) {
        String v = value.trim().replace("'", "");
        return v.isEmpty() ? Optional.empty() : Optional.of(v.equals("prefer-dark"));
    }

    private static Optional<String> gsettings(String key) {
        try {
            Process p = new ProcessBuilder("gsettings", "get", "org.gnome.desktop.interface", key)
                    .redirectErrorStream(true).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
