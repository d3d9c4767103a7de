package org.netwright.app.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The theme choice: parsed as written, remembered across launches, System following the desktop where it tells. */
class ThemeTest {
    @TempDir
    Path home;

    @Test
    void aChoiceIsRememberedAndAnUnreadableOneReadsAsLight() throws Exception {
        ThemePreference pref = ThemePreference.inHome(home);
        assertEquals(Theme.LIGHT, pref.load(), "no choice yet");
        pref.save(Theme.DARK);
        assertEquals(Theme.DARK, ThemePreference.inHome(home).load());
        pref.save(Theme.SYSTEM);
        assertEquals(Theme.SYSTEM, ThemePreference.inHome(home).load());
        Files.writeString(home.resolve(".netwright").resolve("theme.txt"), "purple");
        assertEquals(Theme.LIGHT, pref.load());
    }

    @Test
    void systemIsDarkOnlyWhenTheDesktopSaysSo() {
        assertTrue(Theme.DARK.isDark(Optional.empty()));
        assertFalse(Theme.LIGHT.isDark(Optional.of(true)));
        assertTrue(Theme.SYSTEM.isDark(Optional.of(true)));
        assertFalse(Theme.SYSTEM.isDark(Optional.of(false)));
        assertFalse(Theme.SYSTEM.isDark(Optional.empty()));
        assertEquals(Optional.of(true), SystemTheme.fromColorScheme("'prefer-dark'\n"));
        assertEquals(Optional.of(false), SystemTheme.fromColorScheme("'default'"));
        assertEquals(Optional.empty(), SystemTheme.fromColorScheme(""));
        assertEquals(Optional.of(Theme.DARK), Theme.parse(" dark\n"));
        assertEquals(Optional.empty(), Theme.parse("night"));
    }
}
