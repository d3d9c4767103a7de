package org.netwright.app.theme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The chosen theme, kept in one small file beside the recent-projects list, so the next launch starts with it. */
public final class ThemePreference {
    private final Path file;

    public ThemePreference(Path file) {
        this.file = file;
    }

    /** The preference of the user whose home folder is {@code home} ({@code ~/.netwright/theme.txt}). */
    public static ThemePreference inHome(Path home) {
        return new ThemePreference(home.resolve(".netwright").resolve("theme.txt"));
    }

    /** The theme chosen last; light when none was chosen or the file cannot be read. */
    public Theme load() {
        try {
            return Files.isRegularFile(file) ? Theme.parse(Files.readString(file, StandardCharsets.UTF_8)).orElse(Theme.LIGHT)
                    : Theme.LIGHT;
        } catch (IOException | RuntimeException e) {
            return Theme.LIGHT;
        }
    }

    /** Remembers {@code theme}; a failure to write only means the next launch starts light. */
    public void save(Theme theme) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, theme.name() + "\n", StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            // Not worth interrupting the user: the theme on screen is right, only the next launch forgets it.
        }
    }
}
