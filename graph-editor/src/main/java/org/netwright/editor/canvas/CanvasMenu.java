package org.netwright.editor.canvas;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.Pane;
import org.netwright.editor.EditorModel;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Node;

/** The canvas's right-click menu: group and ungroup, look inside a block, fit. */
final class CanvasMenu {
    private CanvasMenu() {
    }

    static void install(GraphCanvas canvas, EditorModel model, Pane content) {
        ContextMenu menu = new ContextMenu();
        menu.setId("canvas-menu");
        MenuItem group = item("menu-group", "Group selection into a block (Ctrl+G)");
        group.setOnAction(e -> model.groupSelection());
        MenuItem ungroup = item("menu-ungroup", "Ungroup block (Ctrl+Shift+G)");
        ungroup.setOnAction(e -> model.ungroupSelection());
        MenuItem inside = item("menu-inside", "Look inside block");
        MenuItem fit = item("menu-fit", "Fit the network in view");
        fit.setOnAction(e -> canvas.fitToView());
        menu.getItems().addAll(group, ungroup, inside, new SeparatorMenuItem(), fit);

        content.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            // A right-click on a card outside the selection acts on that card, as in most editors.
            NodeView on = cardUnder(e);
            if (on != null && !model.selectedNodes().contains(on.node().id())) {
                model.selectedNodeProperty().set(on.node().id());
            }
            Node primary = model.selectedNodeProperty().get() == null ? null
                    : model.graph().node(model.selectedNodeProperty().get()).orElse(null);
            boolean composite = primary != null && CompositePorts.isComposite(primary) && primary.body() != null;
            group.setDisable(model.selectedNodes().isEmpty());
            ungroup.setDisable(!composite);
            inside.setDisable(!composite);
            inside.setOnAction(a -> canvas.openBody(primary));
            canvas.requestFocus();
            menu.show(content, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private static NodeView cardUnder(ContextMenuEvent e) {
        javafx.scene.Node n = e.getPickResult().getIntersectedNode();
        while (n != null && !(n instanceof NodeView)) {
            n = n.getParent();
        }
        return (NodeView) n;
    }

    private static MenuItem item(String id, String text) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        return item;
    }
}
