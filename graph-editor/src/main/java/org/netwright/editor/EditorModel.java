package org.netwright.editor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import org.netwright.editor.layout.CardShape;
import org.netwright.editor.layout.LayeredLayout;
import org.netwright.model.catalog.LayerCatalog;
import org.netwright.model.catalog.LayerSpec;
import org.netwright.model.command.AddNode;
import org.netwright.model.command.AddSubgraph;
import org.netwright.model.command.CommandStack;
import org.netwright.model.command.Disconnect;
import org.netwright.model.command.EditInside;
import org.netwright.model.command.Translated;
import org.netwright.model.command.GraphCommand;
import org.netwright.model.command.GroupNodes;
import org.netwright.model.command.PlaceNodes;
import org.netwright.model.command.RemoveNodes;
import org.netwright.model.command.SpliceNode;
import org.netwright.model.command.UngroupNode;
import org.netwright.model.graph.CompositePath;
import org.netwright.model.graph.CompositePorts;
import org.netwright.model.graph.Edge;
import org.netwright.model.graph.Graph;
import org.netwright.model.graph.Node;
import org.netwright.model.graph.PortRef;
import org.netwright.model.shape.GraphShapes;
import org.netwright.model.shape.ShapeInference;

/**
 * The editor's view model: the graph of one {@link CommandStack} as JavaFX observable state, plus
 * the selection and the last refusal. Every change goes through a {@link GraphCommand} on the
 * stack, so undo, redo and autosave see it. Use it on the JavaFX application thread only.
 */
public final class EditorModel {
    /** The room kept free above and left of a block's inside, one step of the canvas's grid. */
    private static final double MARGIN = 24;
    private final CommandStack stack;
    private final Function<Graph, GraphShapes> inference;
    private final boolean editable;
    private final LayerCatalog catalog = LayerCatalog.standard();
    private final ReadOnlyObjectWrapper<Graph> graph = new ReadOnlyObjectWrapper<>(this, "graph");
    private final ReadOnlyObjectWrapper<GraphShapes> shapes = new ReadOnlyObjectWrapper<>(this, "shapes");
    private final ObjectProperty<String> selectedNode = new SimpleObjectProperty<>(this, "selectedNode");
    private final ObservableSet<String> selection = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> selectionView = FXCollections.unmodifiableObservableSet(selection);
    /** True while the selection is being extended, so moving the primary node does not shrink it to one. */
    private boolean extending;
    private final ObjectProperty<Edge> selectedEdge = new SimpleObjectProperty<>(this, "selectedEdge");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    /** The last copied layers with their internal edges; null before the first copy. */
    private Graph clipboard;
    private final ReadOnlyStringWrapper lock = new ReadOnlyStringWrapper(this, "lock", "");
    private final ReadOnlyIntegerWrapper replacements = new ReadOnlyIntegerWrapper(this, "graphReplacements");

    /** The run's words by layer path, one map for every level (a block's inside reads its part of it). */
    private final javafx.collections.ObservableMap<String, String> runWarnings;
    /** The block this model edits the inside of, as a path from the project's graph; empty for the graph itself. */
    private final List<String> path;
    /** True once the block this model edits the inside of is no longer in the network (undone, ungrouped, deleted). */
    private final ReadOnlyBooleanWrapper gone = new ReadOnlyBooleanWrapper(this, "gone");
    private final CommandStack.Listener stackListener;
    /**
     * How far a block's inside is moved in its view so no card (its ports stand left of its layers) lies above or left
     * of the canvas; it only grows, in steps of the grid, so the view does not jump back and forth.
     */
    private double viewDx;
    private double viewDy;

    public EditorModel(CommandStack stack) {
        this(stack, ShapeInference::infer, true);
    }

    /**
     * A model that only shows {@code graph} with the given shapes, e.g. a composite's body, whose
     * shapes depend on what arrives at the composite; every edit is refused.
     */
    public static EditorModel readOnly(Graph graph, GraphShapes shapes) {
        return new EditorModel(new CommandStack(graph), g -> shapes, false);
    }

    private EditorModel(CommandStack stack, Function<Graph, GraphShapes> inference, boolean editable) {
        this(stack, inference, editable, List.of(), null);
    }

    private EditorModel(CommandStack stack, Function<Graph, GraphShapes> inference, boolean editable, List<String> path,
                        EditorModel outer) {
        this.stack = stack;
        this.inference = inference;
        this.editable = editable;
        this.path = List.copyOf(path);
        this.runWarnings = outer == null ? FXCollections.observableHashMap() : outer.runWarnings;
        if (outer != null) {
            // A run that locks the network locks every block inside it.
            lock.bind(outer.lockProperty());
        }
        // A node and an edge are never selected together, so Delete has one meaning.
        selectedNode.addListener((o, was, now) -> {
            // A refusal answers the gesture that caused it; once the user does something else it no longer applies.
            message.set("");
            if (now != null) {
                selectedEdge.set(null);
            }
            if (!extending) {
                selection.clear();
                if (now != null) {
                    selection.add(now);
                }
            }
        });
        selectedEdge.addListener((o, was, now) -> {
            message.set("");
            if (now != null) {
                selectedNode.set(null);
            }
        });
        // Listening to the stack (not only to our own calls) keeps us right when the app resets
        // the stack on File > Open or runs commands of its own.
        stackListener = (g, description) -> {
            // Only a reset leaves both histories empty after a change: an edit or a redo fills the
            // undo list, an undo fills the redo list.
            boolean reset = !stack.canUndo() && !stack.canRedo();
            if (reset && !this.path.isEmpty()) {
                // Another project's graph: the block this model showed belongs to the one before.
                gone.set(true);
                return;
            }
            sync(g);
            if (reset) {
                replacements.set(replacements.get() + 1);
            }
        };
        stack.addListener(stackListener);
        sync(stack.graph());
    }

    /**
     * A model of the inside of the composite block {@code blockId} of this model's graph, on the same command stack:
     * its edits are {@link EditInside} commands, so undo and redo go through every level's edits in order, and its
     * shapes are those the block's layers get where the block sits. Call {@link #dispose()} when it is no longer shown.
     */
    public EditorModel inside(String blockId) {
        List<String> deeper = new ArrayList<>(path);
        deeper.add(blockId);
        if (CompositePath.block(stack.graph(), deeper).isEmpty()) {
            throw new IllegalArgumentException(blockId + " is not a composite block of " + (path.isEmpty()
                    ? "the network" : CompositePath.words(path)) + ".");
        }
        return new EditorModel(stack, inference, editable, deeper, this);
    }

    /** The blocks this model is inside of, outermost first; empty for the project's own graph. */
    public List<String> path() {
        return path;
    }

    /** True once the block this model shows the inside of has left the network (an undo, an ungroup, a delete). */
    public ReadOnlyBooleanProperty goneProperty() {
        return gone.getReadOnlyProperty();
    }

    /** Stops following the command stack; for a model of a block's inside that is closed. */
    public void dispose() {
        stack.removeListener(stackListener);
        if (lock.isBound()) {
            lock.unbind();
        }
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

    /** False for a {@link #readOnly} model: views offer no editing gestures. */
    public boolean isEditable() {
        return editable;
    }

    /**
     * What the last training run said about layers, by node path from the project's network ({@code block_1/dense_2}
     * for a layer inside a block): a health warning (vanishing gradients, dead ReLUs, ...) or that the first
     * non-finite output came from it. Every level shares this map; the canvas marks cards through
     * {@link #runWarningOf}; the training side fills it.
     */
    public javafx.collections.ObservableMap<String, String> runWarnings() {
        return runWarnings;
    }

    /**
     * What the card {@code nodeId} of this level shows of the last run: its own words and, for a block, those on the
     * layers inside it with their names; null when nothing.
     */
    public String runWarningOf(String nodeId) {
        return RunNotes.forCard(runWarnings, path, nodeId);
    }

    /** The id of the selected node, or null; with several selected, the last one picked (the inspector shows it). */
    public ObjectProperty<String> selectedNodeProperty() {
        return selectedNode;
    }

    /**
     * Every selected node id (Shift+click adds and removes); setting {@link #selectedNodeProperty()}
     * directly selects that node alone.
     */
    public ObservableSet<String> selectedNodes() {
        return selectionView;
    }

    /** Adds the node to the selection, or takes it out when it is in already. */
    public void toggleSelected(String nodeId) {
        extending = true;
        try {
            if (selection.remove(nodeId)) {
                selectedNode.set(selection.isEmpty() ? null : List.copyOf(selection).get(selection.size() - 1));
            } else {
                selection.add(nodeId);
                selectedNode.set(nodeId);
            }
        } finally {
            extending = false;
        }
    }

    /** Selects exactly these nodes, the last one as the primary; an empty list clears the selection. */
    public void select(List<String> nodeIds) {
        selectedNode.set(null);
        for (String id : nodeIds) {
            if (!selection.contains(id)) {
                toggleSelected(id);
            }
        }
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

    /**
     * Locks the graph against edits (and undo/redo) while something uses it, e.g. a training run, which trains the
     * graph as it was when it started; {@code reason} says so to the user. An empty reason unlocks.
     */
    public void setLock(String reason) {
        String before = lock.get();
        lock.set(reason == null ? "" : reason);
        // "The network is training…" no longer applies once the run has ended.
        if (!before.isEmpty() && message.get().equals(before)) {
            message.set("");
        }
    }

    /** Why the graph cannot be edited now, or empty when it can. */
    public ReadOnlyStringProperty lockProperty() {
        return lock.getReadOnlyProperty();
    }

    public boolean isLocked() {
        return !lock.get().isEmpty();
    }

    /** Clears the last refusal, e.g. when the user clicks elsewhere. */
    public void clearMessage() {
        message.set("");
    }

    /** Runs an edit; when the stack refuses it, returns false and puts the reason in the message. */
    public boolean execute(GraphCommand command) {
        if (!editable) {
            message.set("This view is read-only.");
            return false;
        }
        if (isLocked()) {
            message.set(lock.get());
            return false;
        }
        Optional<String> why = stack.execute(path.isEmpty() ? command
                : new EditInside(path, new Translated(command, viewDx, viewDy)));
        if (why.isPresent()) {
            message.set(why.get());
            return false;
        }
        message.set("");
        syncHistory();
        return true;
    }

    public void undo() {
        if (isLocked()) {
            message.set(lock.get());
            return;
        }
        message.set("");
        stack.undo();
        syncHistory();
    }

    public void redo() {
        if (isLocked()) {
            message.set(lock.get());
            return;
        }
        message.set("");
        stack.redo();
        syncHistory();
    }

    /** Deletes the selected nodes (with their edges) or the selected edge; false when nothing was deleted. */
    public boolean deleteSelection() {
        if (!selection.isEmpty()) {
            return execute(RemoveNodes.of(graph(), List.copyOf(selection)));
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

    /**
     * Adds a layer as {@link #addLayer} does and wires it from {@code feederId}'s first output not yet wired into its
     * first input, as one edit, when that input can take the output (the check a dragged wire gets, shapes included);
     * otherwise adds it unwired and says why in the message. For a layer added next to the one selected card.
     */
    public Optional<String> addLayerAfter(String layerId, String feederId, double x, double y) {
        Optional<LayerSpec> spec = catalog.find(layerId);
        Optional<Node> feeder = graph().node(feederId);
        if (spec.isEmpty() || feeder.isEmpty()) {
            return addLayer(layerId, x, y);
        }
        Node node = new Node(graph().freshId(layerId), layerId, spec.get().defaults(), Math.max(0, x), Math.max(0, y));
        List<String> ins = NodePorts.inputs(node, spec.get());
        List<String> used = graph().outgoingEdges(feederId).stream().map(e -> e.from().port()).toList();
        Optional<String> free = NodePorts.outputs(feeder.get(), catalog.find(feeder.get().type()).orElse(null))
                .stream().filter(p -> !used.contains(p)).findFirst();
        String why;
        if (ins.isEmpty()) {
            why = spec.get().name() + " takes no input";
        } else if (free.isEmpty()) {
            why = "every output of " + feederId + " is wired already";
        } else {
            Edge edge = new Edge(new PortRef(feederId, free.get()), new PortRef(node.id(), ins.get(0)));
            Optional<String> refused = whyNotWire(graph().withNode(node), shapes(), edge);
            if (refused.isEmpty()) {
                if (!execute(new AddSubgraph(List.of(node), List.of(edge), "Add " + node.id() + " fed by "
                        + edge.from()))) {
                    return Optional.empty();
                }
                selectedNode.set(node.id());
                return Optional.of(node.id());
            }
            why = edge.from() + " cannot feed it: " + refused.get();
        }
        Optional<String> added = addLayer(layerId, node.x(), node.y());
        added.ifPresent(id -> message.set("Added " + id + " without a wire from " + feederId + ": " + why + "."));
        return added;
    }

    /**
     * Why {@code candidate} cannot be wired: the graph's own refusal (a cycle, a taken input), or the problem shape
     * inference finds at the target once connected (incremental: one node's rule and what follows). A target waiting
     * on an earlier problem is not refused, nor a merge whose other inputs are still free (its report names the first
     * free one: "input 'in2' is not connected"): the wire itself is not at fault. Empty when it can be wired.
     */
    public static Optional<String> whyNotWire(Graph graph, GraphShapes shapes, Edge candidate) {
        Optional<String> structural = graph.whyNotConnect(candidate);
        if (structural.isPresent()) {
            return structural;
        }
        Graph after = graph.connect(candidate);
        org.netwright.model.shape.NodeReport report = ShapeInference.update(graph, shapes, after)
                .report(candidate.to().nodeId());
        if (report == null || report.isOk() || report.blocked() || waitsForAnotherInput(after, candidate.to())) {
            return Optional.empty();
        }
        return report.problem();
    }

    /**
     * True when {@code to}'s node, its settings valid, has an input other than {@code to}'s port with no wire yet in
     * {@code graph}: shape inference stops there, before it can judge the wire into {@code to} (the card says
     * "Connect input ... to an output", as for a freshly dropped layer).
     */
    private static boolean waitsForAnotherInput(Graph graph, PortRef to) {
        Optional<Node> node = graph.node(to.nodeId());
        if (node.isEmpty()) {
            return false;
        }
        LayerSpec spec = STANDARD.find(node.get().type()).orElse(null);
        if (spec != null && !spec.problems(node.get().params()).isEmpty()) {
            return false;
        }
        return NodePorts.inputs(node.get(), spec).stream().anyMatch(port -> !port.equals(to.port())
                && graph.incoming(new PortRef(to.nodeId(), port)).isEmpty());
    }

    /** The catalog {@link #whyNotWire} reads a target's inputs from (the one every editor model uses). */
    private static final LayerCatalog STANDARD = LayerCatalog.standard();

    /**
     * Inserts a new layer of type {@code layerId} into the connection {@code edge} (its first input takes what the
     * edge carried, its first output feeds where the edge went), placed clear of the other cards near (x, y) (see
     * {@link SpliceRoom}), and selects it; one edit.
     */
    public Optional<String> spliceLayer(String layerId, Edge edge, double x, double y) {
        Optional<LayerSpec> spec = catalog.find(layerId);
        if (spec.isEmpty()) {
            message.set("There is no layer type '" + layerId + "'.");
            return Optional.empty();
        }
        Node node = new Node(graph().freshId(layerId), layerId, spec.get().defaults(), Math.max(0, x), Math.max(0, y));
        List<String> ins = NodePorts.inputs(node, spec.get());
        List<String> outs = NodePorts.outputs(node, spec.get());
        if (ins.isEmpty() || outs.isEmpty()) {
            message.set(spec.get().name() + " cannot go into a connection: it needs an input and an output.");
            return Optional.empty();
        }
        if (!graph().edges().contains(edge)) {
            message.set("There is no edge " + edge + " to insert into.");
            return Optional.empty();
        }
        // Placed clear of the other cards (those after it moved right when the connection runs left to right).
        SpliceRoom room = SpliceRoom.plan(graph(), edge, node, org.netwright.editor.canvas.CardShapes.standard());
        Node placed = node.at(room.x(), room.y());
        SpliceNode splice = new SpliceNode(edge, placed, ins.get(0), outs.get(0));
        GraphCommand command = room.moves().isEmpty() ? splice : org.netwright.model.command.Steps.of(
                splice.description(), List.of(PlaceNodes.of(graph(), room.moves(), "Make room"), splice));
        if (!execute(command)) {
            return Optional.empty();
        }
        selectedNode.set(node.id());
        return Optional.of(node.id());
    }

    /**
     * Groups the selected nodes into one composite block ({@code block_1}, …), its inside laid out, and selects it; false
     * (with the reason in the message) when the selection cannot be grouped.
     */
    public boolean groupSelection() {
        if (selection.isEmpty()) {
            message.set("Select the layers to group first (Shift+click adds to the selection).");
            return false;
        }
        String id = graph().freshId("block");
        // The layers' places among the others mean nothing inside the block: lay the inside out as Layout would.
        org.netwright.editor.canvas.CardShapes cards = org.netwright.editor.canvas.CardShapes.standard();
        GroupNodes group = GroupNodes.of(graph(), List.copyOf(selection), id, id).arrangingBody(body ->
                LayeredLayout.moved(body, LayeredLayout.forBlock(body, cards, LayeredLayout.VIEW_WIDTH,
                        LayeredLayout.VIEW_HEIGHT)));
        if (!execute(group)) {
            return false;
        }
        selectedNode.set(id);
        return true;
    }

    /**
     * Freezes ({@code trainable} false) or unfreezes every selected layer that has weights, as one undoable edit;
     * false with the reason in the message when none of them would change.
     */
    public boolean setSelectionTrainable(boolean trainable) {
        List<org.netwright.model.command.GraphCommand> steps = new ArrayList<>();
        for (String id : selection) {
            Optional<Node> node = graph().node(id);
            org.netwright.model.shape.NodeReport report = shapes().report(id);
            if (node.isPresent() && report != null && report.isOk() && report.params() > 0
                    && node.get().trainable() != trainable) {
                steps.add(org.netwright.model.command.SetTrainable.of(graph(), id, trainable));
            }
        }
        if (steps.isEmpty()) {
            message.set("The selected layers with weights are " + (trainable ? "trainable" : "frozen") + " already.");
            return false;
        }
        return execute(org.netwright.model.command.Steps.of((trainable ? "Unfreeze " : "Freeze ") + steps.size()
                + " layer" + (steps.size() == 1 ? "" : "s"), steps));
    }

    /**
     * Replaces every selected composite block by the layers inside it, as one edit (one undo brings them all back), and
     * selects the layers that came out; plain layers in the selection are left as they are. False, with the reason in
     * the message, when no composite is selected or an ungroup is refused.
     */
    public boolean ungroupSelection() {
        Graph before = graph();
        // The primary first, then the rest of the selection in the order it was made.
        List<String> blocks = new ArrayList<>();
        String primary = selectedNode.get();
        if (primary != null) {
            blocks.add(primary);
        }
        for (String id : selection) {
            if (!blocks.contains(id)) {
                blocks.add(id);
            }
        }
        blocks.removeIf(id -> before.node(id).map(n -> !CompositePorts.isComposite(n) || n.body() == null)
                .orElse(true));
        if (blocks.isEmpty()) {
            message.set("Select a composite block to ungroup.");
            return false;
        }
        // Each ungroup is captured on the graph the ones before it leave (a wire between two selected blocks runs to the
        // first block's layers by the time the second is ungrouped).
        List<GraphCommand> steps = new ArrayList<>();
        Graph g = before;
        for (String id : blocks) {
            UngroupNode step = UngroupNode.of(g, id);
            Optional<String> why = step.whyNot(g);
            if (why.isPresent()) {
                message.set(why.get());
                return false;
            }
            steps.add(step);
            g = step.apply(g);
        }
        GraphCommand command = steps.size() == 1 ? steps.get(0)
                : org.netwright.model.command.Steps.of("Ungroup " + steps.size() + " blocks", steps);
        if (!execute(command)) {
            return false;
        }
        List<String> inlined = new ArrayList<>(graph().nodes().keySet());
        inlined.removeAll(before.nodes().keySet());
        select(inlined);
        return true;
    }

    /** Selects every node. */
    public void selectAll() {
        select(List.copyOf(graph().nodes().keySet()));
    }

    /**
     * Copies the selected nodes and the edges between them (edges from outside are left behind); false with the
     * reason when nothing is selected.
     */
    public boolean copySelection() {
        if (selection.isEmpty()) {
            message.set("Select the layers to copy first (click one, Shift+click more, or drag a box around them).");
            return false;
        }
        clipboard = subgraph(List.copyOf(selection));
        return true;
    }

    /** True when something has been copied. */
    public boolean canPaste() {
        return clipboard != null;
    }

    /**
     * Adds a copy of what was copied under it, on the first free place (see {@link #below}), with fresh ids, and selects
     * it; one edit.
     */
    public boolean paste() {
        if (clipboard == null) {
            message.set("Copy some layers first (Ctrl+C).");
            return false;
        }
        return addCopy(clipboard, "Paste");
    }

    /** Copies the selection (with its internal edges) under itself in one edit; the clipboard stays as it was. */
    public boolean duplicateSelection() {
        if (selection.isEmpty()) {
            message.set("Select the layers to duplicate first.");
            return false;
        }
        return addCopy(subgraph(List.copyOf(selection)), "Duplicate");
    }

    private Graph subgraph(List<String> ids) {
        java.util.Set<String> in = new java.util.HashSet<>(ids);
        Graph.Builder b = Graph.builder();
        for (String id : ids) {
            graph().node(id).ifPresent(b::node);
        }
        for (Edge e : graph().edges()) {
            if (in.contains(e.from().nodeId()) && in.contains(e.to().nodeId())) {
                b.connect(e);
            }
        }
        return b.build();
    }

    /** Room a card takes at most on the canvas (wider and taller than any card), for placing copies clear of others. */
    private static final double CARD_WIDTH = 200;
    private static final double CARD_HEIGHT = 110;
    private static final double STEP = 40;

    /**
     * How far down a copy of {@code part} goes so that none of its cards covers a card already there: first just under
     * the part itself, then a step further each time. A copy laid over its originals (40 px off, as it was) hid them
     * and their wires.
     */
    private double below(Graph part) {
        double top = part.nodes().values().stream().mapToDouble(Node::y).min().orElse(0);
        double bottom = part.nodes().values().stream().mapToDouble(Node::y).max().orElse(0);
        double dy = bottom - top + CARD_HEIGHT + STEP;
        for (int i = 0; i < 1000 && covers(part, dy); i++) {
            dy += STEP;
        }
        return dy;
    }

    private boolean covers(Graph part, double dy) {
        for (Node copy : part.nodes().values()) {
            for (Node there : graph().nodes().values()) {
                if (Math.abs(copy.x() - there.x()) < CARD_WIDTH && Math.abs(copy.y() + dy - there.y()) < CARD_HEIGHT) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean addCopy(Graph part, String verb) {
        double offset = below(part);
        Map<String, String> ids = new LinkedHashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>(graph().nodes().keySet());
        List<Node> nodes = new ArrayList<>();
        for (Node n : part.nodes().values()) {
            // Blocks are numbered block_N like those Ctrl+G makes; layers by their type.
            String id = fresh(CompositePorts.isComposite(n) ? "block" : n.type(), taken);
            taken.add(id);
            ids.put(n.id(), id);
            nodes.add(new Node(id, n.type(), n.params(), n.x(), n.y() + offset, n.body()));
        }
        List<Edge> edges = new ArrayList<>();
        for (Edge e : part.edges()) {
            edges.add(Edge.of(ids.get(e.from().nodeId()), e.from().port(), ids.get(e.to().nodeId()), e.to().port()));
        }
        String what = nodes.size() == 1 ? nodes.get(0).id() : nodes.size() + " layers";
        if (!execute(new AddSubgraph(nodes, edges, verb + " " + what))) {
            return false;
        }
        select(List.copyOf(ids.values()));
        return true;
    }

    private static String fresh(String prefix, java.util.Set<String> taken) {
        int i = 1;
        while (taken.contains(prefix + "_" + i)) {
            i++;
        }
        return prefix + "_" + i;
    }

    /**
     * Lays the whole graph out with {@link LayeredLayout} for a view of the given size, as one undoable edit; false
     * (with the reason in the message) when the graph is empty or already laid out so.
     */
    public boolean layOut(Function<Node, CardShape> cards, double viewWidth, double viewHeight) {
        if (graph().isEmpty()) {
            message.set("There is nothing to lay out: add layers first.");
            return false;
        }
        Map<String, double[]> to = new LinkedHashMap<>();
        // Inside a block, one row from its input ports to its output ports while that reads well.
        (path.isEmpty() ? LayeredLayout.forView(graph(), cards, viewWidth, viewHeight)
                : LayeredLayout.forBlock(graph(), cards, viewWidth, viewHeight))
                .forEach((id, p) -> to.put(id, new double[] {p.x(), p.y()}));
        return execute(PlaceNodes.of(graph(), to, "Lay out the network"));
    }

    /** How {@link #alignSelection} lines cards up. */
    public enum Alignment {
        /** Left edges on the leftmost card's. */
        LEFT("Align left"),
        /** Top edges on the topmost card's. */
        TOP("Align top"),
        /** Horizontal centres on the selection's middle (one column). */
        CENTER("Align centres"),
        /** Vertical centres on the selection's middle (one row). */
        MIDDLE("Align middles");

        private final String description;

        Alignment(String description) {
            this.description = description;
        }

        /** The undo step's name. */
        public String description() {
            return description;
        }
    }

    /**
     * Lines up the selected cards (two or more) as {@code how} says, as one undoable step; {@code cards} gives their
     * sizes. False, with a message, when fewer than two are selected or nothing would move.
     */
    public boolean alignSelection(Alignment how, Function<Node, CardShape> cards) {
        List<Node> chosen = selection.stream().map(id -> graph().node(id)).flatMap(Optional::stream).toList();
        if (chosen.size() < 2) {
            message.set("Select two or more layers to align them.");
            return false;
        }
        double left = chosen.stream().mapToDouble(Node::x).min().orElse(0);
        double top = chosen.stream().mapToDouble(Node::y).min().orElse(0);
        double right = chosen.stream().mapToDouble(n -> n.x() + cards.apply(n).width()).max().orElse(0);
        double bottom = chosen.stream().mapToDouble(n -> n.y() + cards.apply(n).height()).max().orElse(0);
        Map<String, double[]> to = new LinkedHashMap<>();
        for (Node n : chosen) {
            CardShape c = cards.apply(n);
            double x = switch (how) {
                case LEFT -> left;
                case CENTER -> Math.round((left + right) / 2 - c.width() / 2);
                default -> n.x();
            };
            double y = switch (how) {
                case TOP -> top;
                case MIDDLE -> Math.round((top + bottom) / 2 - c.height() / 2);
                default -> n.y();
            };
            if (x != n.x() || y != n.y()) {
                to.put(n.id(), new double[] {x, y});
            }
        }
        if (to.isEmpty()) {
            message.set("The selected layers are aligned already.");
            return false;
        }
        return execute(PlaceNodes.of(graph(), to, how.description()));
    }

    private void sync(Graph top) {
        Graph g = top;
        if (!path.isEmpty()) {
            Optional<Graph> body = CompositePath.body(top, path);
            if (body.isEmpty()) {
                gone.set(true);
                return;
            }
            Graph placed = PortsAtEdges.place(body.get());
            double minX = placed.nodes().values().stream().mapToDouble(Node::x).min().orElse(0);
            double minY = placed.nodes().values().stream().mapToDouble(Node::y).min().orElse(0);
            viewDx = Math.max(viewDx, Math.ceil((MARGIN - minX) / MARGIN) * MARGIN);
            viewDy = Math.max(viewDy, Math.ceil((MARGIN - minY) / MARGIN) * MARGIN);
            g = Translated.moved(placed, viewDx, viewDy);
            shapes.set(ShapeInference.inside(top, path));
        }
        Graph before = graph.get();
        GraphShapes beforeShapes = shapes.get();
        // An edit of a large graph re-infers only what it changed (a move: nothing), so it fits in one frame.
        if (path.isEmpty()) {
            shapes.set(editable && before != null && beforeShapes != null
                    ? ShapeInference.update(before, beforeShapes, g) : inference.apply(g));
        }
        Graph shown = g;
        graph.set(shown);
        selection.removeIf(id -> shown.node(id).isEmpty());
        if (selectedNode.get() != null && shown.node(selectedNode.get()).isEmpty()) {
            extending = true;
            try {
                selectedNode.set(selection.isEmpty() ? null : List.copyOf(selection).get(selection.size() - 1));
            } finally {
                extending = false;
            }
        }
        if (selectedEdge.get() != null && !shown.edges().contains(selectedEdge.get())) {
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
