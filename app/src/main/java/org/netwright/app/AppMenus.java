package org.netwright.app;

import java.nio.file.Path;
import java.util.List;
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
    private final MenuItem cut = idItem("Cut", "menu-cut");
    private final MenuItem copy = idItem("Copy", "menu-copy-edit");
    private final MenuItem paste = idItem("Paste", "menu-paste-edit");
    private final MenuItem duplicate = idItem("Duplicate", "menu-duplicate-edit");
    private final MenuItem selectAll = idItem("Select All", "menu-select-all-edit");
    private final MenuItem layout = idItem("Lay Out Automatically", "menu-layout-edit");
    private final MenuItem group = idItem("Group into Block", "menu-group-edit");
    private final MenuItem ungroup = idItem("Ungroup Block", "menu-ungroup-edit");
    /** Lays out the open project's canvas; set by the window, which owns the canvas. */
    private Runnable layOut = () -> { };
    private final FileActions files;
    private EditorModel editor;
    private final javafx.beans.property.BooleanProperty minimapShown = new javafx.beans.property.SimpleBooleanProperty(true);
    private final javafx.beans.property.BooleanProperty snapShown = new javafx.beans.property.SimpleBooleanProperty(false);
    /** Aligns the open project's selection; set by the window, which owns the canvas. */
    private java.util.function.Consumer<EditorModel.Alignment> align = a -> { };
    private final Menu alignMenu = new Menu("Align");
    /** The training panel's two quick checks; set by the window, which owns the panel. */
    private Runnable checkOverfit = () -> { };
    private Runnable findRate = () -> { };
    private Menu viewMenu;
    private final javafx.beans.property.BooleanProperty summaryShown = new javafx.beans.property.SimpleBooleanProperty(false);

    /** @param busy true while a run trains, when copying the project file would miss what it writes */
    AppMenus(FileActions files, Workspace workspace, ObservableBooleanValue busy, Runnable quit) {
        this.files = files;
        bar.setId("menu-bar");

        // An empty canvas is where a new user who wants to build a network starts; the gallery is one more key away.
        MenuItem newEmpty = item("New", "menu-new-empty", files::newEmpty);
        newEmpty.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        MenuItem fromTemplate = item("New from Template…", "menu-new", files::newFromTemplate);
        fromTemplate.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        MenuItem open = item("Open…", "menu-open", files::open);
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        MenuItem importGraph = item("Import Graph (JSON)…", "menu-import", files::importGraph);
        MenuItem save = item("Save…", "menu-save", files::save);
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        // Only a project opened from a template needs saving; every other one is written as it is edited.
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> busy.get() || !workspace.isDraft(), busy,
                workspace.sessionProperty()));
        MenuItem saveAs = item("Save As…", "menu-save-as", files::saveAs);
        saveAs.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        saveAs.disableProperty().bind(Bindings.createBooleanBinding(
                () -> busy.get() || workspace.session() == null, busy, workspace.sessionProperty()));
        MenuItem saveTemplate = item("Save as Template…", "menu-save-template", files::saveAsTemplate);
        saveTemplate.disableProperty().bind(Bindings.createBooleanBinding(() -> workspace.session() == null,
                workspace.sessionProperty()));
        MenuItem importData = item("Import Data…", "menu-import-data", files::importData);
        importData.disableProperty().bind(Bindings.createBooleanBinding(
                () -> busy.get() || workspace.session() == null, busy, workspace.sessionProperty()));
        MenuItem importModel = item("Import Model (ONNX)…", "menu-import-model", files::importModel);
        MenuItem export = item("Export Trained Model…", "menu-export-model", files::exportTrainedModel);
        export.disableProperty().bind(Bindings.createBooleanBinding(() -> workspace.session() == null,
                workspace.sessionProperty()));
        recent.setId("menu-recent");
        MenuItem quitItem = item("Quit", "menu-quit", quit);
        quitItem.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        Menu file = new Menu("File", null, newEmpty, fromTemplate, open, recent, importGraph, new SeparatorMenuItem(), save, saveAs,
                saveTemplate, new SeparatorMenuItem(), importData, importModel, export, new SeparatorMenuItem(), quitItem);

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
        // The editor's keys are accelerators, so they work wherever the focus is in the window (Ctrl+L from an
        // inspector field). JavaFX tries accelerators only after the focused control left the key unconsumed, so a
        // text field keeps Ctrl+C, Ctrl+V, Ctrl+X, Ctrl+A and Ctrl+Z for its text; the canvas consumes the keys it
        // handles itself, so one press is one step (ShortcutsInFieldsUiTest, EditKeysUiTest).
        cut.setAccelerator(new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN));
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        paste.setAccelerator(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN));
        duplicate.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
        selectAll.setAccelerator(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN));
        layout.setAccelerator(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN));
        group.setAccelerator(new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN));
        ungroup.setAccelerator(new KeyCodeCombination(KeyCode.G, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        cut.setOnAction(e -> {
            if (editor.copySelection()) {
                editor.deleteSelection();
            }
        });
        copy.setOnAction(e -> editor.copySelection());
        paste.setOnAction(e -> editor.paste());
        duplicate.setOnAction(e -> editor.duplicateSelection());
        selectAll.setOnAction(e -> editor.selectAll());
        layout.setOnAction(e -> layOut.run());
        // Both undoable; a block opens for editing with a double-click or Enter on its card.
        group.setOnAction(e -> editor.groupSelection());
        ungroup.setOnAction(e -> editor.ungroupSelection());
        alignMenu.setId("menu-align");
        for (EditorModel.Alignment a : EditorModel.Alignment.values()) {
            MenuItem i = new MenuItem(a.description().replace("Align ", "").substring(0, 1).toUpperCase()
                    + a.description().replace("Align ", "").substring(1));
            i.setId("menu-align-" + a.name().toLowerCase());
            i.setOnAction(e -> align.accept(a));
            alignMenu.getItems().add(i);
        }
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), cut, copy, paste, duplicate, delete,
                new SeparatorMenuItem(), selectAll, layout, alignMenu, new SeparatorMenuItem(), group, ungroup);
        edit.setId("menu-edit");

        MenuItem inside = item("Look Inside Latest Run…", "menu-insight", () -> org.netwright.app.insight.InsightWindow
                .open(bar.getScene() == null ? null : bar.getScene().getWindow(), workspace.session().file(), null));
        inside.disableProperty().bind(Bindings.createBooleanBinding(
                () -> busy.get() || workspace.session() == null, busy, workspace.sessionProperty()));
        MenuItem overfit = item("Check: Overfit One Batch", "menu-check-overfit", () -> checkOverfit.run());
        MenuItem rate = item("Find Learning Rate…", "menu-lr-find", () -> findRate.run());
        for (MenuItem check : List.of(overfit, rate)) {
            check.disableProperty().bind(inside.disableProperty());
        }
        Menu run = new Menu("Run", null, inside, new SeparatorMenuItem(), overfit, rate);

        MenuItem shortcuts = item("Keyboard Shortcuts", "menu-shortcuts", () -> HelpDialogs.shortcuts(bar.getScene().getWindow()));
        shortcuts.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        MenuItem start = item("Getting Started", "menu-getting-started",
                () -> HelpDialogs.gettingStarted(bar.getScene().getWindow()));
        MenuItem whatIs = item("What Is This Layer?", "menu-what-is", () -> HelpDialogs.whatIsThisLayer(
                bar.getScene().getWindow(), editor));
        MenuItem tourItem = item("Tour", "menu-tour", () -> tour.run());
        tourItem.disableProperty().bind(Bindings.createBooleanBinding(() -> workspace.session() == null,
                workspace.sessionProperty()));
        Menu help = new Menu("Help", null, tourItem, start, whatIs, shortcuts);
        help.setId("menu-help");

        javafx.scene.control.CheckMenuItem minimap = new javafx.scene.control.CheckMenuItem("Minimap");
        minimap.setId("menu-minimap");
        minimap.selectedProperty().bindBidirectional(minimapShown);
        javafx.scene.control.CheckMenuItem summary = new javafx.scene.control.CheckMenuItem("Model Summary");
        summary.setId("menu-summary");
        summary.setAccelerator(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        summary.selectedProperty().bindBidirectional(summaryShown);
        javafx.scene.control.CheckMenuItem snap = new javafx.scene.control.CheckMenuItem("Snap to Grid");
        snap.setId("menu-snap");
        snap.selectedProperty().bindBidirectional(snapShown);
        Menu view = new Menu("View", null, minimap, summary, snap);
        viewMenu = view;
        view.setId("menu-view");

        bar.getMenus().addAll(file, edit, view, run, help);
        fillRecent(workspace);
        workspace.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent(workspace));
        follow(null);
    }

    /** Adds items at the end of the View menu (the theme menu, which needs the user's home folder). */
    void addToView(javafx.scene.control.MenuItem... items) {
        viewMenu.getItems().addAll(items);
    }

    /** View > Minimap: whether the canvas shows its overview when the graph does not fit the view. */
    javafx.beans.property.BooleanProperty minimapShownProperty() {
        return minimapShown;
    }

    /** View > Snap to Grid: whether dragged cards land on the canvas's grid. */
    javafx.beans.property.BooleanProperty snapToGridProperty() {
        return snapShown;
    }

    /** Points Edit > Align at the open project's canvas. */
    void alignWith(java.util.function.Consumer<EditorModel.Alignment> action) {
        align = action == null ? a -> { } : action;
    }

    /** View > Model Summary: whether the table of layers shows under the canvas. */
    javafx.beans.property.BooleanProperty summaryShownProperty() {
        return summaryShown;
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
        for (MenuItem i : List.of(cut, copy, paste, duplicate, selectAll, layout, alignMenu, group, ungroup)) {
            i.setDisable(next == null);
        }
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
            MenuItem i = new MenuItem(workspace.listLabel(p));
            i.setMnemonicParsing(false);
            i.setOnAction(e -> files.open(p));
            recent.getItems().add(i);
        }
        recent.setDisable(recent.getItems().isEmpty());
    }

    private static MenuItem idItem(String text, String id) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        return i;
    }

    /** What Help > Tour starts; set by the window, which the tour runs over. */
    private Runnable tour = () -> { };

    void tourWith(Runnable action) {
        tour = action == null ? () -> { } : action;
    }

    /** Points Edit > Lay Out at the open project's canvas. */
    void layOutWith(Runnable action) {
        layOut = action == null ? () -> { } : action;
    }

    /** What Run > Check: Overfit One Batch and Run > Find Learning Rate… do for the open project. */
    void setChecks(Runnable overfit, Runnable rate) {
        this.checkOverfit = overfit;
        this.findRate = rate;
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setOnAction(e -> action.run());
        return i;
    }
}
