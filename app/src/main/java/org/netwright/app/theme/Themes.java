package org.netwright.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Optional;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Applies a theme to the whole app (FX thread only): AtlantaFX's Primer Light or Primer Dark as the controls'
 * stylesheet, and the style class {@value #DARK_CLASS} on the root of every window, present and future, which the
 * editor's and the app's own stylesheets key their dark colours on. Charts follow through {@link ChartColors}.
 */
public final class Themes {
    /** The style class on a window's root while the app is dark. */
    public static final String DARK_CLASS = "theme-dark";
    private static final ReadOnlyBooleanWrapper DARK = new ReadOnlyBooleanWrapper(false);
    private static final ReadOnlyObjectWrapper<Theme> CHOSEN = new ReadOnlyObjectWrapper<>(Theme.LIGHT);
    private static Optional<Boolean> system;
    private static boolean watching;

    private Themes() {
    }

    /** What the desktop prefers, asked once per launch. */
    public static synchronized Optional<Boolean> systemPrefersDark() {
        if (system == null) {
            system = SystemTheme.prefersDark();
        }
        return system;
    }

    /** Draws every window in {@code theme} from now on. */
    public static void apply(Theme theme) {
        // The desktop is asked only for System, so a launch in Light or Dark starts no program.
        boolean dark = theme == Theme.SYSTEM ? theme.isDark(systemPrefersDark()) : theme == Theme.DARK;
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        CHOSEN.set(theme);
        DARK.set(dark);
        if (!watching) {
            watching = true;
            // Windows opened later (dialogs, the insight and runs windows) get the mark as they appear.
            Window.getWindows().addListener((ListChangeListener<Window>) c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(Themes::follow);
                }
            });
            Window.getWindows().forEach(Themes::follow);
        }
        Window.getWindows().forEach(Themes::mark);
    }

    /** True while the app is drawn dark. */
    public static ReadOnlyBooleanProperty darkProperty() {
        return DARK.getReadOnlyProperty();
    }

    public static boolean isDark() {
        return DARK.get();
    }

    /** The theme chosen last (light before any). */
    public static ReadOnlyObjectProperty<Theme> chosenProperty() {
        return CHOSEN.getReadOnlyProperty();
    }

    private static void follow(Window window) {
        mark(window);
        window.sceneProperty().addListener((o, was, now) -> mark(window));
    }

    private static void mark(Window window) {
        Scene scene = window.getScene();
        if (scene == null) {
            return;
        }
        mark(scene.getRoot());
        if (!Boolean.TRUE.equals(scene.getProperties().get(Themes.class))) {
            scene.getProperties().put(Themes.class, Boolean.TRUE);
            scene.rootProperty().addListener((o, was, now) -> mark(now));
        }
    }

    private static void mark(Parent root) {
        if (root == null) {
            return;
        }
        root.getStyleClass().remove(DARK_CLASS);
        if (DARK.get()) {
            root.getStyleClass().add(DARK_CLASS);
        }
    }
}
