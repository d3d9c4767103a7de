package org.netwright.editor;

import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.command.AddNode;
import org.netwright.model.command.CommandStack;
import org.netwright.model.command.Disconnect;
import org.netwright.model.command.GraphCommand;
import org.netwright.model.command.RemoveNodes;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.ShapeInference;

/**
 * The editor's view model: the graph of one {@link CommandStack} as JavaFX observable state, plus
 * the selection and the last refusal. Every change goes through a {@link GraphCommand} on the
 * stack, so undo, redo and autosave see it. Use it on the JavaFX application thread only.
 */
public final class EditorModel {
    private final CommandStack stack;
    private final LayerCatalog catalog = LayerCatalog.standard();
    private final ReadOnlyObjectWrapper<Graph> graph = new ReadOnlyObjectWrapper<>(this, "graph");
    private final ReadOnlyObjectWrapper<GraphShapes> shapes = new ReadOnlyObjectWrapper<>(this, "shapes");
    private final ObjectProperty<String> selectedNode = new SimpleObjectProperty<>(this, "selectedNode");
    private final ObjectProperty<Edge> selectedEdge = new SimpleObjectProperty<>(this, "selectedEdge");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyIntegerWrapper replacements = new ReadOnlyIntegerWrapper(this, "graphReplacements");

    public EditorModel(CommandStack stack) {
        this.stack = stack;
        // A node and an edge are never selected together, so Delete has one meaning.
        selectedNode.addListener((o, was, now) -> {
            if (now != null) {
                selectedEdge.set(null);
            }
        });
        selectedEdge.addListener((o, was, now) -> {
            if (now != null) {
                selectedNode.set(null);
            }
        });
        // Listening to the stack (not only to our own calls) keeps us right when the app resets
        // the stack on File > Open or runs commands of its own.
        stack.addListener((g, description) -> {
            sync(g);
            // Only a reset leaves both histories empty after a change: an edit or a redo fills the
            // undo list, an undo fills the redo list.
            if (!stack.canUndo() && !stack.canRedo()) {
                replacements.set(replacements.get() + 1);
            }
        });
        sync(stack.graph());
    }

    public CommandStack stack() {
        return stack;
    }

    public ReadOnlyObjectProperty<Graph> graphProperty() {
        return graph.getReadOnlyProperty();
    }

    public Graph graph() {
        return graph.get();
    }

    /** Shape inference of the current graph; always updated before {@link #graphProperty()}. */
    public ReadOnlyObjectProperty<GraphShapes> shapesProperty() {
        return shapes.getReadOnlyProperty();
    }

    public GraphShapes shapes() {
        return shapes.get();
    }

    /** The id of the selected node, or null. */
    public ObjectProperty<String> selectedNodeProperty() {
        return selectedNode;
    }

    /** The selected edge, or null; selecting one clears the node selection and back. */
    public ObjectProperty<Edge> selectedEdgeProperty() {
        return selectedEdge;
    }

    /** Why the last edit was refused, for a status bar; empty after an edit that worked. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /**
     * Counts the times the stack replaced the whole graph (File > New, Open), as opposed to editing
     * it; views that frame the graph, such as the canvas's fit, listen to it.
     */
    public ReadOnlyIntegerProperty graphReplacementsProperty() {
        return replacements.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Runs an edit; when the stack refuses it, returns false and puts the reason in the message. */
    public boolean execute(GraphCommand command) {
        Optional<String> why = stack.execute(command);
        if (why.isPresent()) {
            message.set(why.get());
            return false;
        }
        message.set("");
        syncHistory();
        return true;
    }

    public void undo() {
        message.set("");
        stack.undo();
        syncHistory();
    }

    public void redo() {
        message.set("");
        stack.redo();
        syncHistory();
    }

    /** Deletes the selected node (with its edges) or the selected edge; false when nothing was deleted. */
    public boolean deleteSelection() {
        String nodeId = selectedNode.get();
        if (nodeId != null) {
            return execute(RemoveNodes.of(graph(), List.of(nodeId)));
        }
        Edge edge = selectedEdge.get();
        if (edge != null) {
            return execute(new Disconnect(edge));
        }
        return false;
    }

    /**
     * Adds a layer of catalog type {@code layerId} with its default parameters, its top-left
     * corner at (x, y), and selects it; returns the new node's id, or empty when refused.
     */
    public Optional<String> addLayer(String layerId, double x, double y) {
        Optional<LayerSpec> spec = catalog.find(layerId);
        if (spec.isEmpty()) {
            message.set("There is no layer type '" + layerId + "'.");
            return Optional.empty();
        }
        String id = graph().freshId(layerId);
        Node node = new Node(id, layerId, spec.get().defaults(), Math.max(0, x), Math.max(0, y));
        if (!execute(new AddNode(node))) {
            return Optional.empty();
        }
        selectedNode.set(id);
        return Optional.of(id);
    }

    private void sync(Graph g) {
        shapes.set(ShapeInference.infer(g));
        graph.set(g);
        if (selectedNode.get() != null && g.node(selectedNode.get()).isEmpty()) {
            selectedNode.set(null);
        }
        if (selectedEdge.get() != null && !g.edges().contains(selectedEdge.get())) {
            selectedEdge.set(null);
        }
        syncHistory();
    }

    /**
     * CommandStack tells its listeners before it pushes the command onto its undo or redo list,
     * so the flags read inside {@link #sync} can be one step behind; reading them again once the
     * stack call has returned puts them right.
     */
    private void syncHistory() {
        canUndo.set(stack.canUndo());
        canRedo.set(stack.canRedo());
    }
}
