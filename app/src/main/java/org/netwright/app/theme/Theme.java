package org.netwright.app.theme;

import java.util.Locale;
import java.util.Optional;

/** The theme a user chose in View > Theme: light, dark, or whatever the desktop prefers. */
public enum Theme {
    LIGHT("Light"),
    DARK("Dark"),
    SYSTEM("System");

    private final String label;

    Theme(String label) {
        this.label = label;
    }

    /** The menu's word for it. */
    public String label() {
        return label;
    }

    /** True when this choice draws dark, given what the desktop prefers (empty when that is not known: light). */
    public boolean isDark(Optional<Boolean> systemPrefersDark) {
        return this == DARK || (this == SYSTEM && systemPrefersDark.orElse(false));
    }

    /** The theme named by {@code text} as {@link #name()} writes it, ignoring case; empty for anything else. */
    public static Optional<Theme> parse(String text) {
        for (Theme t : values()) {
            if (t.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
