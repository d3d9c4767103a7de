package org.netwright.app;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.netwright.app.project.Workspace;
import org.netwright.editor.EditorModel;

/** The menu bar: File actions go to {@link FileActions}, Edit actions to the open project's editor. */
final class AppMenus {
    private final MenuBar bar = new MenuBar();
    private final Menu recent = new Menu("Open Recent");
    private final MenuItem undo = new MenuItem("Undo");
    private final MenuItem redo = new MenuItem("Redo");
    private final MenuItem delete = new MenuItem("Delete Selection");
    private final FileActions files;
    private EditorModel editor;

    /** @param busy true while a run trains, when copying the project file would miss what it writes */
    AppMenus(FileActions files, Workspace workspace, ObservableBooleanValue busy, Runnable quit) {
        this.files = files;
        bar.setId("menu-bar");

        MenuItem fromTemplate = item("New from Template…", "menu-new", files::newFromTemplate);
        fromTemplate.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        MenuItem open = item("Open…", "menu-open", files::open);
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        MenuItem save = item("Save…", "menu-save", files::save);
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        // Only a project opened from a template needs saving; every other one is written as it is edited.
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> busy.get() || !workspace.isDraft(), busy,
                workspace.sessionProperty()));
        MenuItem saveAs = item("Save As…", "menu-save-as", files::saveAs);
        saveAs.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        saveAs.disableProperty().bind(Bindings.createBooleanBinding(
                () -> busy.get() || workspace.session() == null, busy, workspace.sessionProperty()));
        recent.setId("menu-recent");
        MenuItem quitItem = item("Quit", "menu-quit", quit);
        quitItem.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        Menu file = new Menu("File", null, fromTemplate, open, recent, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), quitItem);

        undo.setId("menu-undo");
        undo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        undo.setOnAction(e -> editor.undo());
        redo.setId("menu-redo");
        redo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        redo.setOnAction(e -> editor.redo());
        // No Delete accelerator: the key must keep deleting text in the inspector's and panel's fields.
        // The canvas handles Delete itself when it has the focus.
        delete.setId("menu-delete");
        delete.setOnAction(e -> editor.deleteSelection());
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), delete);

        bar.getMenus().addAll(file, edit);
        fillRecent(workspace);
        workspace.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent(workspace));
        follow(null);
    }

    MenuBar bar() {
        return bar;
    }

    /** Points the Edit menu at another project's editor (null when none is open). */
    void follow(EditorModel next) {
        editor = next;
        undo.disableProperty().unbind();
        redo.disableProperty().unbind();
        delete.disableProperty().unbind();
        if (next == null) {
            undo.setDisable(true);
            redo.setDisable(true);
            delete.setDisable(true);
            return;
        }
        undo.disableProperty().bind(next.canUndoProperty().not());
        redo.disableProperty().bind(next.canRedoProperty().not());
        delete.disableProperty().bind(next.selectedNodeProperty().isNull().and(next.selectedEdgeProperty().isNull()));
    }

    private void fillRecent(Workspace workspace) {
        recent.getItems().clear();
        for (Path p : workspace.recentFiles()) {
            MenuItem i = new MenuItem(p.getFileName().toString() + "  —  " + p.getParent());
            i.setMnemonicParsing(false);
            i.setOnAction(e -> files.open(p));
            recent.getItems().add(i);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }
}
