package org.netwright.app.theme;

import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/** View > Theme: Light, Dark, and System where the desktop's preference can be told; the choice is remembered. */
public final class ThemeMenu {
    private ThemeMenu() {
    }

    /** The menu, showing the theme in use and applying and remembering a new choice. */
    public static Menu create(ThemePreference preference) {
        Menu menu = new Menu("Theme");
        menu.setId("menu-theme");
        ToggleGroup group = new ToggleGroup();
        for (Theme theme : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(theme.label());
            item.setId("menu-theme-" + theme.name().toLowerCase(java.util.Locale.ROOT));
            item.setToggleGroup(group);
            item.setSelected(Themes.chosenProperty().get() == theme);
            item.setOnAction(e -> {
                Themes.apply(theme);
                preference.save(theme);
            });
            menu.getItems().add(item);
            if (theme == Theme.SYSTEM && Themes.chosenProperty().get() != Theme.SYSTEM) {
                // Asked when the menu first opens, not at launch (it may start a small program). Where the desktop does
                // not say what it prefers, a System choice would silently mean Light, so it is not offered.
                item.setVisible(false);
                menu.setOnShowing(e -> item.setVisible(Themes.systemPrefersDark().isPresent()));
            }
        }
        return menu;
    }
}
