package org.netwright.app;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** The Help menu's windows: the keyboard and mouse shortcuts, and the first steps with a project. */
final class HelpDialogs {
    /** Each shortcut with what it does, in the order a new user meets them. */
    static final String[][] SHORTCUTS = {
            {"Drag a layer from the palette", "Add it to the canvas (or double-click it)"},
            {"Drag from an output port to an input port", "Connect two layers"},
            {"Drag from an output port to empty canvas", "Pick a layer that takes it; it is added already connected"},
            {"Drop a palette layer onto a connection", "Insert it into that connection"},
            {"Click / Shift+click a card", "Select it / add it to the selection"},
            {"Drag on empty canvas", "Select the cards inside the box"},
            {"Right-click", "What can be done with the card, edge or canvas under the mouse"},
            {"Delete or Backspace", "Delete the selected cards or connection"},
            {"Ctrl+Z / Ctrl+Shift+Z", "Undo / redo"},
            {"Ctrl+C / Ctrl+X / Ctrl+V", "Copy / cut / paste the selected cards with the connections between them"},
            {"Ctrl+D", "Duplicate the selected cards"},
            {"Ctrl+A", "Select every card"},
            {"Ctrl+G / Ctrl+Shift+G", "Group the selection into a block / ungroup a block"},
            {"Double-click a block, or Enter", "Open it to edit the layers inside; Esc or the path above goes back"},
            {"Ctrl+L", "Lay the network out automatically (undoable)"},
            {"Ctrl+wheel, Ctrl+plus / minus", "Zoom; Ctrl+0 back to 100 %"},
            {"Ctrl+N", "New project with an empty canvas"},
            {"Ctrl+Shift+N", "New project from the template gallery"},
            {"Ctrl+O / Ctrl+S", "Open a project / save a new one under a name"},
            {"Ctrl+Shift+S", "Save the project under another name and go on in that copy"},
            {"Ctrl+Shift+M", "Show or hide the model summary: a table of the layers under the canvas"},
            {"F1 / Ctrl+Q", "This sheet / quit"},
    };

    private HelpDialogs() {
    }

    static void shortcuts(Window owner) {
        GridPane grid = new GridPane();
        grid.setId("shortcut-sheet");
        grid.setHgap(24);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        for (int i = 0; i < SHORTCUTS.length; i++) {
            Label key = new Label(SHORTCUTS[i][0]);
            key.setStyle("-fx-font-weight: bold;");
            Label does = new Label(SHORTCUTS[i][1]);
            // Each line whole: squeezed, the labels ended in "Drag from an output por…" twice.
            key.setMinWidth(Region.USE_PREF_SIZE);
            does.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(key, 0, i);
            grid.add(does, 1, i);
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("Keyboard and mouse shortcuts");
        a.setHeaderText("Keyboard and mouse shortcuts");
        a.getDialogPane().setContent(grid);
        uncapped(a);
        a.show();
    }

    /** AtlantaFX caps a dialog at 600 px wide, which cut the sheet's lines; these dialogs take the width they need. */
    static void uncapped(Alert a) {
        a.getDialogPane().setStyle("-fx-max-width: 100000;");
        a.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
    }

    /** What the selected layer is, from the catalog: its family, explanation, ports and each setting with its help. */
    static void whatIsThisLayer(Window owner, org.netwright.editor.EditorModel editor) {
        String id = editor == null ? null : editor.selectedNodeProperty().get();
        org.netwright.model.graph.Node node = id == null ? null : editor.graph().node(id).orElse(null);
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("What is this layer?");
        if (node == null) {
            a.setHeaderText("Select a layer on the canvas first");
            a.setContentText("Click a card, then choose Help > What Is This Layer? (or read the inspector on the right).");
            a.show();
            return;
        }
        var spec = org.netwright.model.catalog.LayerCatalog.standard().find(node.type());
        if (spec.isEmpty()) {
            a.setHeaderText(node.id() + " is of an unknown type '" + node.type() + "'");
            a.show();
            return;
        }
        var s = spec.get();
        StringBuilder text = new StringBuilder(s.explanation()).append("\n\nFamily: ").append(s.family().title());
        var ports = org.netwright.editor.NodePorts.inputs(node, s);
        text.append("\nInputs: ").append(ports.isEmpty() ? "none" : String.join(", ", ports));
        text.append("\nOutputs: ").append(String.join(", ", org.netwright.editor.NodePorts.outputs(node, s)));
        for (var p : s.params()) {
            text.append("\n\n").append(p.label()).append(": ").append(p.help());
        }
        a.setHeaderText(s.name() + " (" + node.id() + ")");
        Label body = new Label(text.toString());
        body.setWrapText(true);
        body.setMaxWidth(560);
        a.getDialogPane().setContent(body);
        a.show();
    }

    static void gettingStarted(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("Getting started");
        a.setHeaderText("Your first network in five steps");
        Label text = new Label("""
                1. File > New for an empty canvas, or File > New from Template… and pick a small one (Two moons or LeNet-5).
                2. Click a card: the inspector on the right explains the layer and lets you change its settings.
                   Each card shows the shape of what leaves it; a red card says what does not fit and why.
                3. Drag new layers in from the palette on the left and wire an output port (right) to an input port (left).
                4. Press Train at the bottom. The chart shows the loss falling; Stop ends the run within a step.
                5. File > Save… names your project. Every later change is saved as you make it.""");
        text.setWrapText(true);
        text.setMaxWidth(760);
        a.getDialogPane().setContent(text);
        uncapped(a);
        a.show();
    }
}
