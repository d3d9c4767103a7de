package org.netwright.editor.canvas;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.layout.Pane;
import org.netwright.editor.EditorModel;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Node;

/**
 * The canvas's right-click menu: on a card, what acts on the selection (copy, duplicate, delete, group, look inside);
 * on an edge, deleting it; on empty canvas, paste, select all, layout and fit.
 */
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
        MenuItem inside = item("menu-inside", "Open block (Enter)");
        MenuItem fit = item("menu-fit", "Fit the network in view");
        fit.setOnAction(e -> canvas.fitToView());
        MenuItem copy = item("menu-copy", "Copy (Ctrl+C)");
        copy.setOnAction(e -> model.copySelection());
        MenuItem paste = item("menu-paste", "Paste (Ctrl+V)");
        paste.setOnAction(e -> model.paste());
        MenuItem duplicate = item("menu-duplicate", "Duplicate (Ctrl+D)");
        duplicate.setOnAction(e -> model.duplicateSelection());
        MenuItem delete = item("menu-delete-selection", "Delete (Delete)");
        delete.setOnAction(e -> model.deleteSelection());
        MenuItem selectAll = item("menu-select-all", "Select all (Ctrl+A)");
        selectAll.setOnAction(e -> model.selectAll());
        MenuItem layout = item("menu-layout", "Lay out automatically (Ctrl+L)");
        layout.setOnAction(e -> canvas.layOut());
        menu.getItems().addAll(copy, paste, duplicate, delete, new SeparatorMenuItem(), group, ungroup, inside,
                new SeparatorMenuItem(), selectAll, layout, fit);

        content.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            // A right-click on a card outside the selection acts on that card, as in most editors; on an edge, on
            // that edge; on empty canvas, on nothing selected.
            NodeView on = cardUnder(e);
            EdgeView edge = edgeUnder(e);
            if (on != null && !model.selectedNodes().contains(on.node().id())) {
                model.selectedNodeProperty().set(on.node().id());
            } else if (on == null && edge != null) {
                model.selectedEdgeProperty().set(edge.edge());
            }
            boolean onSomething = on != null || edge != null;
            copy.setDisable(model.selectedNodes().isEmpty());
            duplicate.setDisable(model.selectedNodes().isEmpty());
            delete.setDisable(!onSomething || (model.selectedNodes().isEmpty() && model.selectedEdgeProperty().get() == null));
            delete.setText(on == null && edge != null ? "Delete connection (Delete)" : "Delete (Delete)");
            paste.setDisable(!model.canPaste());
            Node primary = model.selectedNodeProperty().get() == null ? null
                    : model.graph().node(model.selectedNodeProperty().get()).orElse(null);
            boolean composite = primary != null && CompositePorts.isComposite(primary) && primary.body() != null;
            group.setDisable(model.selectedNodes().isEmpty());
            // Ungroup acts on every selected block, not only the one clicked last.
            long blocks = model.selectedNodes().stream().map(id -> model.graph().node(id).orElse(null))
                    .filter(n -> n != null && CompositePorts.isComposite(n) && n.body() != null).count();
            ungroup.setDisable(blocks == 0);
            ungroup.setText(blocks > 1 ? "Ungroup " + blocks + " blocks (Ctrl+Shift+G)" : "Ungroup block (Ctrl+Shift+G)");
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

    private static EdgeView edgeUnder(ContextMenuEvent e) {
        javafx.scene.Node n = e.getPickResult().getIntersectedNode();
        while (n != null && !(n instanceof EdgeView)) {
            n = n.getParent();
        }
        return (EdgeView) n;
    }

    private static MenuItem item(String id, String text) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        return item;
    }
}
